import BrandKit
import Foundation
import Store

/// What to check a text against when it is not the workspace's own kit.
public struct CheckTarget: Sendable {
    /// A brand kit folder (nil: the workspace's kit).
    public var kit: String?
    /// A folder of knowledge files (nil: the kit folder's `knowledge/`).
    public var knowledge: String?

    public init(kit: String?, knowledge: String?) {
        self.kit = kit
        self.knowledge = knowledge
    }
}

extension Studio {
    /// Fact-checks and critiques a text against the workspace's kit and knowledge base.
    public func check(text: String, channel: Channel?, judge: Bool = true) throws -> CheckReport {
        try CopyText.validate(text)
        return try job.step(.check, channel?.rawValue ?? "") { try critic(judge: judge).check(text, channel: channel) }
    }

    /// Fact-checks and critiques a text against another kit or knowledge folder. The knowledge is
    /// indexed in a scratch workspace that is removed afterwards: nothing is written to the user's.
    /// The kit's `brand.toml` is validated before any model is loaded.
    public static func check(text: String, against target: CheckTarget, channel: Channel?, judge: Bool = true,
                             options: StudioOptions, job: Job = .unattended) throws -> CheckReport {
        try CopyText.validate(text)
        let brand: BrandSource
        if let kit = target.kit {
            let path = (kit as NSString).appendingPathComponent("brand.toml")
            guard let data = FileManager.default.contents(atPath: path), let toml = String(data: data, encoding: .utf8) else {
                throw PipelineError(.notFound, "no such file, or not UTF-8 text", file: path)
            }
            _ = try BrandProfile(toml: toml, file: path)
            brand = .folder(kit)
        } else {
            brand = .workspace(try Workspace.open(options.workspaceDirectory))
        }
        let scratch = try ScratchStudio(brand: target.kit, knowledge: target.knowledge, templates: ProjectFolders.locate("Templates"),
                                        options: options, job: job)
        let studio = scratch.studio
        let judgeModel = judge ? try LanguageModelJudge(studio: studio) : nil
        let critic = try Critic(brand: brand, knowledge: studio.knowledge(), embedder: studio.embedder(), judge: judgeModel,
                                pronouncingDictionary: studio.models.pronouncingDictionary)
        return try job.step(.check, channel?.rawValue ?? "") { try critic.check(text, channel: channel) }
    }
}
