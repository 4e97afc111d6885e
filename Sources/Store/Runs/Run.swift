/// One pipeline step's execution: what went in, what came out, and with which versions.
public struct Run: Sendable, Equatable {
    public enum Status: String, Sendable { case running, succeeded, failed, cancelled }

    /// An asset consumed or produced by the run, with its role ("brief", "passage", "draft"...).
    public struct AssetLink: Sendable, Equatable {
        public var role: String
        public var hash: String
        public init(role: String, hash: String) {
            self.role = role
            self.hash = hash
        }
    }

    public var id: Int64
    public var step: RunStep
    public var templateID: String?
    public var templateVersion: Int?
    /// The model's name in the cache.
    public var modelID: String?
    /// SHA-256 of the model file.
    public var modelHash: String?
    /// Generation parameters as canonical JSON.
    public var parameters: String
    public var seed: UInt64?
    public var startedAt: String
    public var endedAt: String?
    public var tokenCount: Int?
    public var sampleCount: Int?
    public var status: Status
    public var error: String?
    public var inputs: [AssetLink]
    public var outputs: [AssetLink]
}

/// What a step declares when it starts.
public struct RunStart: Sendable {
    public var step: RunStep
    public var templateID: String?
    public var templateVersion: Int?
    public var modelID: String?
    public var modelHash: String?
    public var parameters: String
    public var seed: UInt64?
    public var inputs: [Run.AssetLink]

    public init(step: RunStep, templateID: String? = nil, templateVersion: Int? = nil, modelID: String? = nil, modelHash: String? = nil,
                parameters: String = "{}", seed: UInt64? = nil, inputs: [Run.AssetLink] = []) {
        self.step = step
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.modelID = modelID
        self.modelHash = modelHash
        self.parameters = parameters
        self.seed = seed
        self.inputs = inputs
    }
}

/// An asset and how it came to be: the run that produced it and, recursively, that run's inputs.
public struct LineageNode: Sendable {
    public var asset: Asset
    /// The role this asset played for the run that consumed it (nil at the root).
    public var role: String?
    /// The run that produced it; nil for an original input such as a brief.
    public var producedBy: Run?
    /// The lineage of the producing run's inputs.
    public var inputs: [LineageNode]
}
