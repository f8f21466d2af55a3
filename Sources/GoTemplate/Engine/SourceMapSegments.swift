extension SourceMap {
    /// The output bytes written by the one literal run or action that also wrote byte `offset`, or nil when
    /// `offset` is outside the output. With ``origins(ofOutputOffset:)`` it tells how far into a printed
    /// value a byte lies, so that a caller can point inside the value's own file.
    public func outputRange(ofSegmentContaining offset: Int) -> Range<Int>? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].outputEnd <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < segments.count, segments[low].outputStart <= offset else { return nil }
        return segments[low].outputStart..<segments[low].outputEnd
    }
}
