// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "slareport",
    products: [
        .library(name: "SLAReportCore", targets: ["SLAReportCore"]),
        .executable(name: "slareport", targets: ["slareport"]),
    ],
    targets: [
        .target(name: "SLAReportCore"),
        .executableTarget(name: "slareport", dependencies: ["SLAReportCore"]),
        .testTarget(
            name: "SLAReportCoreTests",
            dependencies: ["SLAReportCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "slareportTests", dependencies: ["SLAReportCore", "slareport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
