// Checks the CSV reader's vector search (Sources/CByteScan) against its byte-at-a-time definition: bit k of
// slareport_csv_stops64(p, sep) is set exactly when byte k is the separator, a quote, LF or CR, and
// slareport_csv_stops16 gives the low 16 bits. Seeded (SplitMix64, seed 5150): every run checks the same
// 200,000 blocks of 64 bytes, dense with stops and near-stops. Prints the path compiled (SSE2, NEON or the
// plain loop); exits 1 on the first mismatch. Built and run by Tests/ByteScan/check.sh.
#include <stdio.h>

#include "CByteScan.h"

static uint64_t state = 5150;

static uint64_t next(void) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int main(void) {
    const uint8_t specials[] = {'"', '\n', '\r', ',', ';', '\t', '|', 0x00, 0x0C, 0x0E, 0x80, 0xFF};
    const uint8_t separators[] = {',', ';', '\t', '|', '"'};
    const int specialCount = (int)sizeof specials, separatorCount = (int)sizeof separators;
    uint8_t block[64];
    for (int round = 0; round < 200000; round++) {
        uint8_t separator = separators[next() % separatorCount];
        for (int k = 0; k < 64; k++) {
            block[k] = next() % 100 < 20 ? specials[next() % specialCount] : (uint8_t)(next() % 256);
        }
        uint64_t expected = 0;
        for (int k = 0; k < 64; k++) {
            uint8_t b = block[k];
            if (b == separator || b == '"' || b == '\n' || b == '\r') expected |= (uint64_t)1 << k;
        }
        uint64_t mask64 = slareport_csv_stops64(block, separator);
        uint32_t mask16 = slareport_csv_stops16(block, separator);
        if (mask64 != expected || mask16 != (uint32_t)(expected & 0xFFFF)) {
            printf("mismatch in round %d (separator 0x%02x): 64-byte mask %016llx, 16-byte %04x, expected %016llx\n",
                   round, separator, (unsigned long long)mask64, mask16, (unsigned long long)expected);
            return 1;
        }
    }
#if defined(__SSE2__)
    const char *path = "SSE2";
#elif defined(__ARM_NEON) && defined(__aarch64__)
    const char *path = "NEON";
#else
    const char *path = "plain loop";
#endif
    printf("%s path: 200000 blocks of 64 bytes agree with the definition\n", path);
    return 0;
}
