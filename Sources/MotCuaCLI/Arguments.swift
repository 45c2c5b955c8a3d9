/// A command-line usage error raised outside the parser (the shard taken from the environment):
/// the command reports it as ``CommandFailure/usage(_:command:)``, with exit status 2.
struct UsageError: Error {
    let message: String
}
