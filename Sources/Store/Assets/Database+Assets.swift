import Support

extension Database {
    /// Stores `content` once by its SHA-256 and returns the asset (existing or new).
    @discardableResult
    public func storeAsset(_ content: [UInt8], mediaType: String) throws -> Asset {
        let hash = SHA256.hash(content).hex
        if let existing = try asset(hash) { return existing }
        let asset = Asset(hash: hash, mediaType: mediaType, size: content.count, createdAt: Timestamp.now())
        try execute("INSERT INTO assets (hash, media_type, size, created_at, content) VALUES (?, ?, ?, ?, ?)",
                    asset.hash, asset.mediaType, asset.size, asset.createdAt, content)
        return asset
    }

    /// Stores UTF-8 text as an asset.
    @discardableResult
    public func storeAsset(text: String, mediaType: String = "text/plain") throws -> Asset {
        try storeAsset(Array(text.utf8), mediaType: mediaType)
    }

    /// The asset with this hash, if stored.
    public func asset(_ hash: String) throws -> Asset? {
        try row("SELECT hash, media_type, size, created_at FROM assets WHERE hash = ?", hash.lowercased()).map(Asset.init(row:))
    }

    /// Resolves a full hash or a unique prefix (at least 6 hex digits) to an asset.
    public func resolveAsset(_ prefix: String) throws -> Asset {
        let p = prefix.lowercased()
        guard p.count >= 6, p.allSatisfy(\.isHexDigit) else {
            throw StoreError(.invalidArgument, "'\(prefix)' is not an asset hash: give at least 6 hex digits")
        }
        let matches = try rows("SELECT hash, media_type, size, created_at FROM assets WHERE hash >= ? AND hash < ? LIMIT 2", p, p + "g")
        guard let first = matches.first else { throw StoreError(.notFound, "no asset with hash \(prefix)") }
        guard matches.count == 1 else { throw StoreError(.invalidArgument, "hash prefix \(prefix) matches several assets; give more digits") }
        return try Asset(row: first)
    }

    /// The stored bytes of an asset.
    public func assetContent(_ hash: String) throws -> [UInt8] {
        guard let bytes = try scalar("SELECT content FROM assets WHERE hash = ?", hash.lowercased()).bytes else {
            throw StoreError(.notFound, "no asset with hash \(hash)")
        }
        return bytes
    }

    /// Assets, newest first.
    public func assets(limit: Int = 100) throws -> [Asset] {
        try rows("SELECT hash, media_type, size, created_at FROM assets ORDER BY created_at DESC, hash LIMIT ?", limit).map(Asset.init(row:))
    }
}

extension Asset {
    init(row: Row) throws {
        self.init(hash: try row.string("hash"), mediaType: try row.string("media_type"), size: try row.int("size"), createdAt: try row.string("created_at"))
    }
}
