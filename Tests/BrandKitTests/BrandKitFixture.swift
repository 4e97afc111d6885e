import Foundation
@testable import BrandKit

enum BrandKitFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func demoProfile() throws -> BrandProfile {
        try BrandProfile(toml: String(contentsOfFile: repository + "/Brand/brand.toml", encoding: .utf8), file: "Brand/brand.toml")
    }
}
