import Foundation

/// Counts streamed tokens and their rate, for `JobEvent.tokens`.
struct TokenMeter {
    private let start = Date()
    private(set) var count = 0

    /// The event for one more piece of text.
    mutating func event(_ text: String) -> JobEvent {
        count += 1
        let seconds = Date().timeIntervalSince(start)
        return .tokens(text: text, count: count, tokensPerSecond: seconds > 0 ? Double(count) / seconds : 0)
    }
}
