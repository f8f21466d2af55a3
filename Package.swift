// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "krakenlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "krakenlint", targets: ["krakenlint"]),
        .library(name: "ConfigTree", targets: ["ConfigTree"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "Findings", targets: ["Findings"]),
        .library(name: "KrakenLint", targets: ["KrakenLint"]),
        .library(name: "NTLM", targets: ["NTLM"]),
        .library(name: "NTLMProbe", targets: ["NTLMProbe"]),
        .library(name: "GoTemplate", targets: ["GoTemplate"]),
        .library(name: "FlexibleConfig", targets: ["FlexibleConfig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        // TOML settings of Enterprise flexible configuration (wraps toml++).
        .package(url: "https://github.com/LebJe/TOMLKit.git", exact: "0.6.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // glibc's GNU extensions that Swift's Glibc module leaves out (mallopt, pthread_getattr_np).
        .systemLibrary(name: "CGlibcExtensions"),
        // A cache prefetch hint (__builtin_prefetch), which Swift cannot spell.
        .systemLibrary(name: "CMemoryHints"),

        // Source files, spans, the positioned tree, JSON and YAML readers.
        .target(name: "ConfigTree", dependencies: ["CYAML"]),

        // General JSON Schema engine (draft-07, 2019-09, 2020-12) over the positioned tree.
        .target(name: "JSONSchema", dependencies: ["ConfigTree", "CMemoryHints"]),

        // The finding every command reports (rule id, severity, message, locations, fix) and the per-input report.
        .target(name: "Findings", dependencies: ["ConfigTree"]),

        // Go's text/template with sprig v3's functions, byte for byte as Go renders, with a source map.
        .target(name: "GoTemplate", dependencies: [
            "ConfigTree", "CGlibcExtensions",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),

        // KrakenD's flexible configuration: settings, templates, partials, marshal, include (CE and Enterprise).
        .target(name: "FlexibleConfig", dependencies: ["ConfigTree", "GoTemplate", .product(name: "TOMLKit", package: "TOMLKit")]),

        // The typed, read-only views of a KrakenD configuration that lint rules and probe targets share.
        .target(name: "KrakenDModel", dependencies: ["ConfigTree"]),

        // KrakenD knowledge: embedded schema, typed views, rules, the linter.
        .target(
            name: "KrakenLint",
            dependencies: ["ConfigTree", "JSONSchema", "Findings", "KrakenDModel"],
            plugins: ["EmbedSchemas"]
        ),

        // Output formats over findings (lint, probe, validate), and the JSON and XML writers.
        .target(name: "Reporting", dependencies: ["ConfigTree", "Findings"]),

        // NTLMv2 messages as go-ntlmssp builds them: pure functions over bytes.
        .target(name: "NTLM", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

        // The credential smoke test: targets from a config, the handshake over SwiftNIO.
        .target(
            name: "NTLMProbe",
            dependencies: [
                "ConfigTree", "KrakenDModel", "NTLM", "Findings", "Reporting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // The commands, as a library so the whole CLI is testable in-process.
        .target(
            name: "KrakenLintCLI",
            dependencies: [
                "ConfigTree", "JSONSchema", "Findings", "KrakenLint", "Reporting", "NTLM", "NTLMProbe", "FlexibleConfig", "GoTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release builds on Linux are fully static executables (the Swift runtime, Foundation, libyaml, libc++
        // and glibc linked in): a process starts without the dynamic loader, which spent 3.5 M of the 9.0 M
        // instructions of linting {"version": 3} relocating the program and loading libstdc++ (docs/benchmarks.md).
        // Host names (`probe`, the templates' getHostByName) are still resolved through glibc's name-service
        // modules, which a static program loads at run time from the system it runs on.
        .executableTarget(
            name: "krakenlint", dependencies: ["KrakenLintCLI", "CGlibcExtensions"],
            swiftSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [
                .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
            ]
        ),

        // Build-time embedding of schemas/ into the KrakenLint module.
        .executableTarget(name: "SchemaEmbedder", path: "Plugins/SchemaEmbedder"),
        .plugin(name: "EmbedSchemas", capability: .buildTool(), dependencies: ["SchemaEmbedder"]),

        // Benchmarks: executables that print figures (see Benchmarks/README.md).
        .executableTarget(name: "LoadBenchmark", dependencies: ["ConfigTree", "CYAML"], path: "Benchmarks/LoadBenchmark"),
        .executableTarget(name: "SchemaBenchmark", dependencies: ["ConfigTree", "JSONSchema", "KrakenLint"], path: "Benchmarks/SchemaBenchmark"),
        .executableTarget(name: "TemplateBenchmark", dependencies: ["GoTemplate"], path: "Benchmarks/TemplateBenchmark"),
        .executableTarget(name: "AuditBenchmark", dependencies: ["ConfigTree", "Findings", "KrakenLint", "Reporting"], path: "Benchmarks/AuditBenchmark"),

        // What the tests need from outside the package (real peers, ../shared), shared by the test targets.
        .target(name: "TestPeers", path: "Tests/TestPeers"),
        .testTarget(name: "ConfigTreeTests", dependencies: ["ConfigTree", "TestPeers"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings", "ConfigTree"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "ConfigTree", "TestPeers"]),
        .testTarget(name: "KrakenLintTests", dependencies: ["KrakenLint", "ConfigTree", "JSONSchema", "TestPeers"], exclude: ["Golden"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Findings", "KrakenLint", "ConfigTree", "JSONSchema"], exclude: ["Golden", "Data"]),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate", "TestPeers"], exclude: ["Peer", "Cases"]),
        .testTarget(name: "FlexibleConfigTests", dependencies: ["FlexibleConfig", "GoTemplate", "ConfigTree", "TestPeers"]),
        .testTarget(name: "NTLMTests", dependencies: ["NTLM", "TestPeers"]),
        .testTarget(name: "NTLMProbeTests", dependencies: ["NTLMProbe", "NTLM", "ConfigTree", "Findings", "Reporting", "TestPeers"], exclude: ["Servers", "Golden"]),
        .testTarget(name: "CLITests", dependencies: ["KrakenLintCLI", "KrakenLint", "NTLMProbe", "ConfigTree", "TestPeers"], exclude: ["Golden"]),
    ]
)
