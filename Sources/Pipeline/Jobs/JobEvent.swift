import Store

/// What a running job reports to its front end, in order.
public enum JobEvent: Sendable {
    /// A pipeline step began; `detail` says on what ("email", a file name).
    case stepStarted(RunStep, detail: String)
    /// A step ended successfully after `seconds`.
    case stepFinished(RunStep, detail: String, seconds: Double)
    /// Text the language model just wrote: the piece, the tokens so far in this generation, and
    /// their rate.
    case tokens(text: String, count: Int, tokensPerSecond: Double)
    /// Part of a longer task is done: `fraction` in 0...1, with the estimated seconds left once
    /// it can be estimated.
    case progress(label: String, fraction: Double, eta: Double?)
    /// Something the user should know that does not stop the job.
    case warning(String)
    /// A line of information (a model being fetched, what was indexed).
    case note(String)
}
