import Store
import Support
import TextGeneration

extension Studio {
    /// Records one run around `body`, the one place runs are written: the start (inputs,
    /// template, model hash, parameters, seed) before it, and on failure the error with the status
    /// `cancelled` for a cancellation and `failed` otherwise. `body` receives the run's id and
    /// calls `Database.finishRun` with its outputs (in the same transaction as whatever else it
    /// records). The job gets the step's start and finish events.
    func recordingRun<T>(_ start: RunStart, detail: String = "", _ body: (Int64) throws -> T) throws -> T {
        try job.checkCancelled()
        let db = database
        let runID = try db.beginRun(start)
        do {
            return try job.step(start.step, detail) { try body(runID) }
        } catch {
            try? db.failRun(runID, error: "\(error)", status: error.isCancellation ? .cancelled : .failed)
            throw error
        }
    }

    /// A model's generation with the studio's job: cancelled by its token, each piece of text
    /// reported as a token event (and passed to `onText`).
    func generate(_ model: LanguageModel, prompt: [Int32], maxTokens: Int, sampler: SamplerParameters, schema: JSONSchema?,
                  reusingPrefix: Bool = false, onText: (String) -> Bool = { _ in true }) throws -> GenerationResult {
        var meter = TokenMeter()
        let job = self.job
        return try model.generate(prompt: prompt, maxTokens: maxTokens, sampler: sampler, schema: schema, reusingPrefix: reusingPrefix,
                                  cancellation: job.cancellation) { text in
            job.emit(meter.event(text))
            return onText(text)
        }
    }
}
