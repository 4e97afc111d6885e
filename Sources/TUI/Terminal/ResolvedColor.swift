/// A colour as the terminal is asked for it: a palette number, or a 24-bit shade.
public enum ResolvedColor: Sendable, Hashable {
    case palette(Int)
    case rgb(RGB)
}
