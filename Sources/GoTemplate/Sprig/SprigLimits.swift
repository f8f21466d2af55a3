/// The size limit of `FunctionContext.maximumResultSize`, checked before a function builds its result.
enum SprigLimits {
    static func check(_ size: Int, _ maximum: Int) throws {
        guard size <= maximum else {
            throw FunctionError("result of \(size) bytes or elements exceeds the limit of \(maximum)")
        }
    }
}
