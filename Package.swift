// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "slareport",
    products: [
        .library(name: "SLAReportCore", targets: ["SLAReportCore"]),
        .executable(name: "slareport", targets: ["slareport"]),
    ],
    targets: [
        .target(name: "SLAReportCore", dependencies: ["CPrefetch", "CByteScan"]),
        // A cache hint the symbol table gives before its lookups (Swift cannot spell the instruction).
        .target(name: "CPrefetch"),
        // The CSV reader's 16-byte search for separators, quotes and line breaks (vector instructions Swift
        // cannot spell portably).
        .target(name: "CByteScan"),
        // The CLI's settings of the C allocator (glibc's mmap threshold, the freed heap kept); the library sets
        // nothing global.
        .target(name: "CMemoryTuning"),
        // The CLI's request that a large report's written bytes start for the disk before its final `fsync`.
        .target(name: "CWriteback"),
        .executableTarget(name: "slareport", dependencies: ["SLAReportCore", "CMemoryTuning", "CWriteback"]),
        .testTarget(
            name: "SLAReportCoreTests",
            dependencies: ["SLAReportCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "slareportTests", dependencies: ["SLAReportCore", "slareport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
