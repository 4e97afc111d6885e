/// A failure of the terminal layer: which curses call, its result, and what it was doing.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public var message: String

    public init(call: String, code: Int32, message: String) {
        self.call = call
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (\(call) returned \(code))" }
}
