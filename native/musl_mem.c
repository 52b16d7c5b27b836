/* memcpy, memmove, memcmp and bcmp for resdiff's statically linked musl build (x86_64 only;
 * build.rs compiles this file for no other target).
 *
 * Why: the binary users get is linked statically with musl rather than glibc, because a static
 * glibc binary starts by asking the CPU about its caches (`init_cpu_features`: `cpuid`
 * instructions, each one a trap to the hypervisor on a virtual machine). That was 0.3-0.8 ms of
 * every run here, `resdiff --version` 1.3 ms against 0.5 ms with musl. But musl's own x86_64
 * memcpy is `rep movsq` with byte loops around it, slow for the short copies Rust makes all the
 * time (13% of a 5,000-clause diff, against 4% for glibc's). memcpy and memmove here: copies of
 * up to 64 bytes are two overlapping loads and stores of the right width, longer ones go by
 * 64-byte blocks of SSE2 registers, and memcpy of 2 KiB or more uses `rep movsb`.
 * musl's memcmp (which its bcmp calls) compares a byte at a time: 19% of the instructions of a
 * 500-clause diff, where Rust compares strings for equality (clause keys, words, texts). memcmp
 * and bcmp here compare 16 bytes at a time. All four are in this one file, so that the linker,
 * which takes the file for memcpy (scripts/dist checks it did), takes memcmp and bcmp with it.
 *
 * Compiled with -fno-builtin and -fno-tree-loop-distribute-patterns, so the compiler cannot turn
 * the loops below back into calls to memcpy. scripts/dist runs native/musl_mem_test.c against
 * this file (copies of every size to 300 bytes and beyond, both overlaps; comparisons with a
 * difference at every place) before it builds.
 */
#include <stddef.h>
#include <stdint.h>
#include <emmintrin.h>

typedef uint64_t u64a __attribute__((may_alias, aligned(1)));
typedef uint32_t u32a __attribute__((may_alias, aligned(1)));
typedef uint16_t u16a __attribute__((may_alias, aligned(1)));

/* Copies n bytes, n <= 64, reading everything before writing anything: safe for overlap. */
static inline __attribute__((always_inline)) void small(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n >= 32) {
		__m128i a = _mm_loadu_si128((const __m128i *)s), b = _mm_loadu_si128((const __m128i *)(s + 16));
		__m128i c = _mm_loadu_si128((const __m128i *)(s + n - 32)), e = _mm_loadu_si128((const __m128i *)(s + n - 16));
		_mm_storeu_si128((__m128i *)d, a); _mm_storeu_si128((__m128i *)(d + 16), b);
		_mm_storeu_si128((__m128i *)(d + n - 32), c); _mm_storeu_si128((__m128i *)(d + n - 16), e);
	} else if (n >= 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)s), b = _mm_loadu_si128((const __m128i *)(s + n - 16));
		_mm_storeu_si128((__m128i *)d, a); _mm_storeu_si128((__m128i *)(d + n - 16), b);
	} else if (n >= 8) {
		uint64_t a = *(const u64a *)s, b = *(const u64a *)(s + n - 8);
		*(u64a *)d = a; *(u64a *)(d + n - 8) = b;
	} else if (n >= 4) {
		uint32_t a = *(const u32a *)s, b = *(const u32a *)(s + n - 4);
		*(u32a *)d = a; *(u32a *)(d + n - 4) = b;
	} else if (n >= 2) {
		uint16_t a = *(const u16a *)s, b = *(const u16a *)(s + n - 2);
		*(u16a *)d = a; *(u16a *)(d + n - 2) = b;
	} else if (n == 1) {
		*d = *s;
	}
}

/* 64 bytes from s to d, all read before any is written. */
#define LOAD4(p, a, b, c, e) \
	__m128i a = _mm_loadu_si128((const __m128i *)(p)), b = _mm_loadu_si128((const __m128i *)((p) + 16)), \
		c = _mm_loadu_si128((const __m128i *)((p) + 32)), e = _mm_loadu_si128((const __m128i *)((p) + 48))
#define STORE4(p, a, b, c, e) \
	do { _mm_storeu_si128((__m128i *)(p), a); _mm_storeu_si128((__m128i *)((p) + 16), b); \
	     _mm_storeu_si128((__m128i *)((p) + 32), c); _mm_storeu_si128((__m128i *)((p) + 48), e); } while (0)

/* Forward in 64-byte blocks; the last 64 bytes are read first, so d below an overlapping s is safe. */
static inline __attribute__((always_inline)) void forward(unsigned char *d, const unsigned char *s, size_t n)
{
	LOAD4(s + n - 64, t0, t1, t2, t3);
	for (size_t i = 0; i + 64 < n; i += 64) {
		LOAD4(s + i, a, b, c, e);
		STORE4(d + i, a, b, c, e);
	}
	STORE4(d + n - 64, t0, t1, t2, t3);
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (n <= 64) {
		small(d, s, n);
	} else if (n >= 2048) {
		__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	} else {
		forward(d, s, n);
	}
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (n <= 64) {
		small(d, s, n);
	} else if ((uintptr_t)d - (uintptr_t)s >= n) {
		/* d is not inside (s, s + n): forward is safe. */
		forward(d, s, n);
	} else {
		/* d inside (s, s + n): backward; the first 64 bytes are read first. */
		LOAD4(s, h0, h1, h2, h3);
		for (size_t i = n; i > 64; i -= 64) {
			LOAD4(s + i - 64, a, b, c, e);
			STORE4(d + i - 64, a, b, c, e);
		}
		STORE4(d, h0, h1, h2, h3);
	}
	return dst;
}

/* Byte order of the first difference between two 8-byte words read from memory: big-endian
 * values compare as their bytes do, first byte first. */
static inline __attribute__((always_inline)) int order64(uint64_t a, uint64_t b)
{
	a = __builtin_bswap64(a);
	b = __builtin_bswap64(b);
	return (a > b) - (a < b);
}

static inline __attribute__((always_inline)) int order32(uint32_t a, uint32_t b)
{
	a = __builtin_bswap32(a);
	b = __builtin_bswap32(b);
	return (a > b) - (a < b);
}

int memcmp(const void *vl, const void *vr, size_t n)
{
	const unsigned char *l = vl, *r = vr;
	if (n >= 16) {
		/* 16 bytes at a time; the last block overlaps the one before it, whose bytes are
		 * equal, so its first difference is the first difference of the whole. */
		size_t i = 0;
		for (;;) {
			if (i + 16 > n)
				i = n - 16;
			__m128i a = _mm_loadu_si128((const __m128i *)(l + i));
			__m128i b = _mm_loadu_si128((const __m128i *)(r + i));
			unsigned diff = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) ^ 0xFFFFu;
			if (diff) {
				size_t k = i + (size_t)__builtin_ctz(diff);
				return (int)l[k] - (int)r[k];
			}
			if (i + 16 == n)
				return 0;
			i += 16;
		}
	}
	if (n >= 8) {
		int c = order64(*(const u64a *)l, *(const u64a *)r);
		return c ? c : order64(*(const u64a *)(l + n - 8), *(const u64a *)(r + n - 8));
	}
	if (n >= 4) {
		int c = order32(*(const u32a *)l, *(const u32a *)r);
		return c ? c : order32(*(const u32a *)(l + n - 4), *(const u32a *)(r + n - 4));
	}
	for (size_t i = 0; i < n; i++) {
		if (l[i] != r[i])
			return (int)l[i] - (int)r[i];
	}
	return 0;
}

/* Zero when equal, as memcmp (the compiler calls bcmp for comparisons that only test it). */
int bcmp(const void *l, const void *r, size_t n)
{
	return memcmp(l, r, n);
}
