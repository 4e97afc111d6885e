import Foundation

/// ISO 8601 UTC timestamps with milliseconds, as stored in every table.
public enum Timestamp {
    /// The current time, e.g. "2026-11-22T14:03:07.123Z".
    public static func now() -> String { format(Date()) }

    /// Formats a date.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
