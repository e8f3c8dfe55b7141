/// `exp` and `log` from IEEE-754 basic operations only.
///
/// The platform's libm may round differently on macOS and Linux; these series use nothing but `+ - * /`
/// (each correctly rounded by IEEE-754), so the generator's bytes do not depend on the C library. Accuracy
/// is a few ulps, far more than a synthetic data set needs.
enum PortableMath {
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    private static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// e^x, clamped to the finite range for |x| > 700.
    static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? .greatestFiniteMagnitude : 0 }
        let clamped = min(700, max(-700, x))
        let k = (clamped / ln2).rounded()
        let r = clamped - k * ln2Hi - k * ln2Lo  // |r| <= ln2 / 2
        var term = 1.0
        var sum = 1.0
        for i in 1...14 {
            term = term * r / Double(i)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// Natural logarithm of a positive finite x (returns -745 for 0 and negatives, the log of the smallest
    /// subnormal, which is all a sampler can ask for).
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return -745 }
        guard x.isFinite else { return 710 }
        var e = Int(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.414_213_562_373_095 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)  // |s| < 0.172
        let s2 = s * s
        var power = s
        var sum = 0.0
        var n = 1.0
        for _ in 0..<12 {
            sum += power / n
            power *= s2
            n += 2
        }
        return Double(e) * ln2 + 2 * sum
    }
}
