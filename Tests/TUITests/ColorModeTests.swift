import FactCheck
import XCTest
@testable import TUI

/// The colour mode from the environment and what the terminal says, and how colours resolve in
/// each mode: pure functions, tested without a terminal.
final class ColorModeTests: XCTestCase {
    let xterm256 = ColorSupport(hasColors: true, colors: 256, canChangeColor: true)

    func testTrueColourWhereCOLORTERMSaysSoAndThePaletteCanBeRedefined() {
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: xterm256), .trueColor(.redefinedPalette))
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "24bit"], support: xterm256), .trueColor(.redefinedPalette))
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "TrueColor"], support: xterm256), .trueColor(.redefinedPalette))
    }

    func testWithoutTheAnnouncementThe256ColourPalette() {
        XCTAssertEqual(ColorMode.choose(environment: [:], support: xterm256), .palette256)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "yes"], support: xterm256), .palette256)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": ""], support: xterm256), .palette256)
    }

    func testAnnouncedButThePaletteCannotChange() {
        // tmux-256color and screen-256color cannot redefine colours: 256 colours it is.
        let fixed = ColorSupport(hasColors: true, colors: 256, canChangeColor: false)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: fixed), .palette256)
        // Redefining needs colours above the sixteen the theme owns.
        let sixteen = ColorSupport(hasColors: true, colors: 16, canChangeColor: true)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: sixteen), .basic)
    }

    func testDirectColourTerminalsTakeRGBValues() {
        let direct = ColorSupport(hasColors: true, colors: 0x1000000, canChangeColor: false, directColor: true)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: direct), .trueColor(.direct))
        // Its colour numbers are RGB values: there is no palette to fall back to.
        XCTAssertEqual(ColorMode.choose(environment: [:], support: direct), .trueColor(.direct))
    }

    func testFewerColoursFallBackToEightOrNone() {
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: ColorSupport(hasColors: true, colors: 8)), .basic)
        XCTAssertEqual(ColorMode.choose(environment: [:], support: ColorSupport(hasColors: true, colors: 88)), .basic)
        XCTAssertEqual(ColorMode.choose(environment: ["COLORTERM": "truecolor"], support: .none), .monochrome)
        XCTAssertEqual(ColorMode.choose(environment: [:], support: ColorSupport(hasColors: true, colors: 2)), .monochrome)
    }

    func testRGBToTheNearestXterm256Colour() {
        // The cube's corners and its exact levels.
        XCTAssertEqual(RGB(0x000000).xterm256Index, 16)
        XCTAssertEqual(RGB(0xFFFFFF).xterm256Index, 231)
        XCTAssertEqual(RGB(0xFF0000).xterm256Index, 196)
        XCTAssertEqual(RGB(0x00FF00).xterm256Index, 46)
        XCTAssertEqual(RGB(0x0000FF).xterm256Index, 21)
        XCTAssertEqual(RGB(0x5F87AF).xterm256Index, 67)
        // Greys go to the ramp when it is closer than the cube.
        XCTAssertEqual(RGB(0x808080).xterm256Index, 244)
        XCTAssertEqual(RGB(0x080808).xterm256Index, 232)
        XCTAssertEqual(RGB(0xEEEEEE).xterm256Index, 255)
        XCTAssertEqual(RGB(0x767676).xterm256Index, 243)
        // Between levels: the nearest level of each channel.
        XCTAssertEqual(RGB(0xE5484D).xterm256Index, 167)  // #d75f5f
        XCTAssertEqual(RGB(0x2F3F4F).xterm256Index, 238)  // the grey #444444 is closer than the cube's #005f5f
        // Every cube and ramp colour maps to itself.
        for index in 16...255 { XCTAssertEqual(RGB.xterm256(index).xterm256Index, index, "\(index) \(RGB.xterm256(index))") }
    }

    func testRGBToTheNearestOfTheBasicEight() {
        XCTAssertEqual(RGB(0xE5484D).nearestBasic, .red)
        XCTAssertEqual(RGB(0x5FBF5F).nearestBasic, .green)
        XCTAssertEqual(RGB(0xE5C03B).nearestBasic, .yellow)
        XCTAssertEqual(RGB(0x1010F0).nearestBasic, .blue)
        XCTAssertEqual(RGB(0x101010).nearestBasic, .black)
        XCTAssertEqual(RGB(0xF0F0F0).nearestBasic, .white)
    }

    func testVerdictColoursInEveryMode() {
        let expected: [(ClaimCheck.Verdict, TerminalColor)] = [(.supported, .green), (.contradicted, .red), (.unverifiable, .yellow)]
        for (verdict, basic) in expected {
            let color = StudioRenderer.color(verdict)
            guard case .rgb(let shade) = color else { return XCTFail("\(verdict) is an exact shade") }
            XCTAssertEqual(ColorMode.trueColor(.redefinedPalette).resolve(color), .rgb(shade))
            XCTAssertEqual(ColorMode.trueColor(.direct).resolve(color), .rgb(shade))
            XCTAssertEqual(ColorMode.palette256.resolve(color), .palette(shade.xterm256Index))
            XCTAssertEqual(ColorMode.basic.resolve(color), .palette(basic.basicIndex!))
            XCTAssertEqual(ColorMode.monochrome.resolve(color), nil)
            // Where the palette stands in, its colour still reads as the verdict's.
            XCTAssertEqual(RGB.xterm256(shade.xterm256Index).nearestBasic, basic, "\(verdict)")
        }
        XCTAssertEqual(ColorMode.palette256.resolve(.cyan), .palette(6), "the basic eight keep their numbers")
        XCTAssertEqual(ColorMode.trueColor(.direct).resolve(.red), .palette(1))
    }

    func testDirectColourNumbersLeaveTheBasicEightAlone() {
        XCTAssertEqual(RGB(0xE5484D).directColorNumber, 0xE5484D)
        XCTAssertEqual(RGB(0x000003).directColorNumber, 8)
    }

    func testPaletteSlotsTakeTheNearestColoursNumberThenAFreeOneThenShare() {
        var slots = PaletteSlots(numbers: 16..<256)
        let red = RGB(0xE5484D)
        XCTAssertEqual(slots.number(for: red)?.number, 167, "the nearest xterm-256 colour's number")
        XCTAssertEqual(slots.number(for: red)?.define, false, "a shade is defined once")
        // Another shade nearest to 167 gets the lowest free number.
        let near = slots.number(for: RGB(0xD75F5F))
        XCTAssertEqual(near?.number, 16)
        XCTAssertEqual(near?.define, true)

        var full = PaletteSlots(numbers: 16..<18)
        let green = RGB(0x5FBF5F), darkRed = RGB(0xC03030)
        XCTAssertEqual(full.number(for: red)?.number, 16)
        XCTAssertEqual(full.number(for: green)?.number, 17)
        // Full: the nearest shade's number, nothing redefined.
        let shared = full.number(for: darkRed)
        XCTAssertEqual(shared?.number, 16)
        XCTAssertEqual(shared?.define, false)
        var none = PaletteSlots(numbers: 16..<16)
        XCTAssertNil(none.number(for: red))
    }
}
