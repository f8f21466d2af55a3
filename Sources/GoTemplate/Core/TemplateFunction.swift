/// A function a template can call: Go's `template.FuncMap` entry with the signature the executor checks
/// arguments against, as Go's reflection does.
///
/// The executor converts and checks the arguments before ``body`` runs: the count (`wrong number of args for
/// NAME: want 2 got 1`), and each argument against its parameter type (`wrong type for value; expected string;
/// got float64`). A parameter of type ``GoType/interface`` takes any value as it is (an integer literal
/// arrives as `int`). A body that fails throws ``FunctionError``; the executor reports it as Go does,
/// `error calling NAME: MESSAGE`.
public struct TemplateFunction: Sendable {
    /// The parameter types, in order.
    public let parameters: [GoType]
    /// The element type of a trailing variadic parameter (`...interface{}`), or nil.
    public let variadic: GoType?
    /// The Go result type, for `%T`-like introspection of what the function returns.
    public let result: GoType
    /// False for functions whose result depends on the clock, randomness, the network or the host
    /// (`now`, `uuidv4`, `randAlpha`, `genPrivateKey`, `getHostByName`). Callers may replace them.
    public let isDeterministic: Bool
    /// True for functions that, in Go, change the map passed as their first argument and return it (sprig's
    /// `set`, `unset`, `merge`, `mergeOverwrite` and their `must` forms). A Go map is a reference, so after
    /// `{{ $_ := set $d "k" 1 }}` the change shows through `$d`. Values here are copies: the body returns the
    /// changed map, and it is for the executor to store it where the first argument was read from.
    public let mutatesFirstArgument: Bool
    public let body: @Sendable (_ arguments: [Value], _ context: FunctionContext) throws -> Value

    public init(
        parameters: [GoType], variadic: GoType? = nil, result: GoType = .interface,
        isDeterministic: Bool = true, mutatesFirstArgument: Bool = false,
        body: @escaping @Sendable (_ arguments: [Value], _ context: FunctionContext) throws -> Value
    ) {
        self.parameters = parameters
        self.variadic = variadic
        self.result = result
        self.isDeterministic = isDeterministic
        self.mutatesFirstArgument = mutatesFirstArgument
        self.body = body
    }
}

/// The function table of a template set, by name.
public typealias FunctionMap = [String: TemplateFunction]

/// What a function may ask of the run that calls it.
public struct FunctionContext: Sendable {
    /// The environment `env` and `expandenv` read: injected by the caller, never the process's own.
    public var environment: [String: String]
    /// The largest string or list a function may build (`repeat`, `until`, `seq`), in bytes or elements.
    public var maximumResultSize: Int
    /// The action that calls the function, set by the executor for each call: lets a function such as
    /// KrakenD's `include` report a problem at the place that asked for it.
    public var callSite: CallSite?
    /// The IANA name of the zone Go's `time.Local` stands for (`now`, `date`, `toDate`…): injected by the caller,
    /// never the host's own. `UTC` unless set.
    public var localTimeZone: String

    public init(
        environment: [String: String] = [:], maximumResultSize: Int = 64 << 20, callSite: CallSite? = nil,
        localTimeZone: String = "UTC"
    ) {
        self.environment = environment
        self.maximumResultSize = maximumResultSize
        self.callSite = callSite
        self.localTimeZone = localTimeZone
    }
}

/// Where in a template a function is called: the template's name, its source (the file path given to
/// `TemplateSet.parse`), and the byte range of the call in that source.
public struct CallSite: Sendable, Equatable {
    public var templateName: String
    public var source: String
    public var range: Range<Int>

    public init(templateName: String, source: String, range: Range<Int>) {
        self.templateName = templateName
        self.source = source
        self.range = range
    }
}

/// A function's failure, reported by the executor as `error calling NAME: message`.
public struct FunctionError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
