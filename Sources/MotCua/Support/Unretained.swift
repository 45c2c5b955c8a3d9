/// A reference to an object that something else keeps alive for longer (the run's model keeps
/// its schedules and rate profiles), used without counting references on the hot path.
struct Unretained<Object: AnyObject>: BitwiseCopyable {
    private let reference: Unmanaged<Object>

    init(_ object: Object) { reference = .passUnretained(object) }

    /// Calls `body` with the object.
    @inline(__always)
    func use<Result>(_ body: (Object) -> Result) -> Result {
        reference._withUnsafeGuaranteedRef(body)
    }
}
