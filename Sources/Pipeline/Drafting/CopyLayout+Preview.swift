extension CopyLayout {
    /// What a copy document being written says so far, for people to watch: each string value on
    /// its own line, top-level single fields labelled ("Subject: ..."), the JSON syntax left out.
    /// `partial` may stop anywhere, even inside a string or an escape.
    public static func preview(_ partial: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        var current = ""
        // The open containers: "{" or "[".
        var stack: [Character] = []
        var key: String?
        var expectingValue = false
        /// A string is a value inside a list or after a key's colon; otherwise it is a key.
        func isValue() -> Bool { stack.last == "[" || expectingValue }
        func label() -> String {
            guard stack == ["{"], expectingValue, let key, !key.isEmpty else { return "" }
            return key.prefix(1).uppercased() + key.dropFirst() + ": "
        }
        for c in partial {
            if inString {
                if escaped {
                    escaped = false
                    switch c {
                    case "n": current.append("\n")
                    case "t": current.append(" ")
                    default: current.append(c)
                    }
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inString = false
                    if isValue() { out += label() + current + "\n" } else { key = current }
                    expectingValue = false
                    current = ""
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case "\"": inString = true
            case ":": expectingValue = true
            case "{", "[": stack.append(c); expectingValue = false
            case "}", "]": _ = stack.popLast()
            case ",": expectingValue = false
            default: break
            }
        }
        if inString, !current.isEmpty, isValue() { out += label() + current }
        return out
    }
}
