// swift-tools-version: 6.0
import PackageDescription

/// Settings shared by every target: Swift 6 language mode with strict concurrency,
/// and `any` spelled out for existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "MotCua",
    products: [
        .library(name: "MotCua", targets: ["MotCua"]),
        .executable(name: "motcua", targets: ["MotCuaCLI"]),
    ],
    targets: [
        .target(name: "MotCua", swiftSettings: swiftSettings),
        .target(name: "MotCuaServe", dependencies: ["MotCua"], swiftSettings: swiftSettings),
        .executableTarget(name: "MotCuaCLI", dependencies: ["MotCua", "MotCuaServe"], swiftSettings: swiftSettings),
        .testTarget(name: "MotCuaTests", dependencies: ["MotCua", "MotCuaServe"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
