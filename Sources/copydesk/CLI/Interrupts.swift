import Dispatch
import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C while a command runs: the first press cancels the command's job (which stops at its
/// next token, chunk or step and exits 130), a second press quits at once.
final class Interrupts {
    let cancellation = CancellationToken()
    private let source: DispatchSourceSignal

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInteractive))
        let token = cancellation
        source.setEventHandler {
            if token.isCancelled { _exit(130) }
            token.cancel()
            let note = "\ncopydesk: cancelling (Ctrl-C again to quit at once)\n"
            _ = note.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        }
        source.resume()
    }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
