@_exported import Findings
@_exported import KrakenDModel

/// A lint finding: rules emit the findings every command shares (see the Findings module).
public typealias Diagnostic = Finding

/// What the linter found in one file: the findings module's per-input report.
public typealias FileReport = Report
