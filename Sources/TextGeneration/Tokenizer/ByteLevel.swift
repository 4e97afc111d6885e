/// GPT-2's reversible map between bytes and printable Unicode characters used in byte-level BPE vocabularies.
struct ByteLevel: Sendable {
    /// byte → character
    let encode: [Character]
    /// character → byte
    let decode: [Character: UInt8]

    init() {
        var printable: [Int] = Array(33...126) + Array(161...172) + Array(174...255)
        var mapped = printable
        var extra = 0
        for b in 0..<256 where !printable.contains(b) {
            printable.append(b)
            mapped.append(256 + extra)
            extra += 1
        }
        var encode = [Character](repeating: " ", count: 256)
        var decode: [Character: UInt8] = [:]
        for (b, c) in zip(printable, mapped) {
            let ch = Character(Unicode.Scalar(UInt32(c))!)
            encode[b] = ch
            decode[ch] = UInt8(b)
        }
        self.encode = encode
        self.decode = decode
    }
}
