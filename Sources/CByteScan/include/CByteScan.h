#ifndef SLAREPORT_CBYTESCAN_H
#define SLAREPORT_CBYTESCAN_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON) && defined(__aarch64__)
#include <arm_neon.h>
#endif

/// The CSV reader's stops among the 16 bytes at `p` (all 16 must be readable): bit k is set when byte k is
/// `separator`, a quote, a line feed or a carriage return. One vector comparison per kind of stop where the
/// processor has 16-byte vectors (SSE2 on x86-64, NEON on arm64), which Swift cannot spell portably; a loop
/// elsewhere, with the same result.
static inline uint32_t slareport_csv_stops16(const uint8_t *p, uint8_t separator) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i s = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)separator)), _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    __m128i l = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(s, l));
#elif defined(__ARM_NEON) && defined(__aarch64__)
    uint8x16_t v = vld1q_u8(p);
    uint8x16_t m = vorrq_u8(vorrq_u8(vceqq_u8(v, vdupq_n_u8(separator)), vceqq_u8(v, vdupq_n_u8('"'))),
                            vorrq_u8(vceqq_u8(v, vdupq_n_u8('\n')), vceqq_u8(v, vdupq_n_u8('\r'))));
    static const uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t bits = vandq_u8(m, vld1q_u8(weights));
    return (uint32_t)vaddv_u8(vget_low_u8(bits)) | ((uint32_t)vaddv_u8(vget_high_u8(bits)) << 8);
#else
    uint32_t mask = 0;
    for (int k = 0; k < 16; k++) {
        uint8_t b = p[k];
        if (b == separator || b == '"' || b == '\n' || b == '\r') mask |= (uint32_t)1 << k;
    }
    return mask;
#endif
}

/// ``slareport_csv_stops16`` for the 64 bytes at `p` (all 64 must be readable): bit k for byte k.
static inline uint64_t slareport_csv_stops64(const uint8_t *p, uint8_t separator) {
    return (uint64_t)slareport_csv_stops16(p, separator) | ((uint64_t)slareport_csv_stops16(p + 16, separator) << 16)
        | ((uint64_t)slareport_csv_stops16(p + 32, separator) << 32)
        | ((uint64_t)slareport_csv_stops16(p + 48, separator) << 48);
}

#endif
