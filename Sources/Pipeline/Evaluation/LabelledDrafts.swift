import BrandKit
import FactCheck
import Foundation

/// Drafts whose claims an editor labelled by reading the knowledge base: the format of
/// `Tests/Fixtures/factcheck/*.json` (`{"description", "drafts": [{"id", "channel", "text",
/// "claims": [{"text", "verdict"}]}]}`). Each claim's text is an exact substring of its draft.
public struct LabelledDrafts: Sendable, Decodable {
    /// One labelled claim.
    public struct Label: Sendable, Decodable {
        public var text: String
        public var verdict: ClaimCheck.Verdict
    }

    /// One draft and its labels.
    public struct Draft: Sendable, Decodable {
        public var id: String
        public var channel: Channel?
        public var text: String
        public var claims: [Label]
    }

    public var description: String?
    public var drafts: [Draft]

    /// Reads a labelled set, naming the file and what is wrong when it does not parse or a
    /// label is not part of its draft.
    public init(json data: Data, file: String) throws {
        do {
            self = try JSONDecoder().decode(LabelledDrafts.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw PipelineError(.invalidInput, "not valid JSON: \(context.debugDescription)", file: file)
        } catch let DecodingError.keyNotFound(key, context) {
            throw PipelineError(.invalidInput, "missing key \"\(key.stringValue)\" at \(Self.path(context))", file: file)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw PipelineError(.invalidInput, "\(context.debugDescription) at \(Self.path(context))", file: file)
        }
        for draft in drafts {
            for label in draft.claims where !draft.text.contains(label.text) {
                throw PipelineError(.invalidInput, "draft \"\(draft.id)\": the labelled claim \"\(label.text)\" is not part of the draft's text", file: file)
            }
        }
    }

    private init(from other: LabelledDrafts) { self = other }

    static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}
