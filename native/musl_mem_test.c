/* Checks native/musl_mem.c against byte-by-byte references. Built by scripts/dist with
 * -Dmemcpy=fm_memcpy -Dmemmove=fm_memmove -Dmemcmp=fm_memcmp -Dbcmp=fm_bcmp, so the functions
 * under test do not replace the C library's own while the test runs (and this file checks
 * buffers with `same`, never with the memcmp under test). Exit status 0 when all is right. */
#include <stdio.h>
#include <stddef.h>

void *fm_memcpy(void *restrict, const void *restrict, size_t);
void *fm_memmove(void *, const void *, size_t);
int fm_memcmp(const void *, const void *, size_t);
int fm_bcmp(const void *, const void *, size_t);

enum { MAX = 4200, PAD = 200, SIZE = 2 * MAX + 4 * PAD };
static unsigned char buf[SIZE], ref[SIZE];

/* Are the first n bytes of a and b equal? */
static int same(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* The sign of memcmp, byte by byte. */
static int order(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* memcmp and bcmp on every length to 300 (and some beyond), equal and with one difference at
 * every place (beyond 300 bytes: the first and last 16 places and every 13th), in both
 * directions and across the signed/unsigned boundary (0x7f against 0x80), at several
 * alignments of both sides. Returns the number of comparisons, or -1. */
static long check_compare(void)
{
	static unsigned char l[MAX + 64], r[MAX + 64];
	static const unsigned char pairs[][2] = {{0x80, 0x7f}, {0x7f, 0x80}, {0x01, 0x00}, {0x00, 0xff}};
	long checks = 0;
	for (size_t n = 0; n <= MAX; n += (n < 300 ? 1 : 97)) {
		for (int la = 0; la < 16; la += 3) {
			for (int ra = 0; ra < 16; ra += 7) {
				unsigned char *a = l + la, *b = r + ra;
				for (size_t i = 0; i < n; i++)
					a[i] = b[i] = (unsigned char)(i * 37 + 11);
				for (size_t at = 0; at <= n; at++) {
					if (n >= 300 && at >= 16 && at + 16 < n && at % 13 != 0)
						continue;
					/* at == n: no difference, one check; else each pair of bytes at `at`. */
					size_t ways = at < n ? sizeof pairs / sizeof pairs[0] : 1;
					for (size_t w = 0; w < ways; w++) {
						unsigned char keep = a[at < n ? at : 0];
						if (at < n) {
							a[at] = pairs[w][0];
							b[at] = pairs[w][1];
						}
						int want = order(a, b, n);
						int got = fm_memcmp(a, b, n), eq = fm_bcmp(a, b, n) == 0;
						if (at < n)
							a[at] = b[at] = keep;
						if (sign(got) != want || eq != (want == 0)) {
							printf("memcmp wrong: n=%zu difference at %zu (pair %zu), alignments %d %d\n", n, at, w, la, ra);
							return -1;
						}
						checks++;
					}
				}
			}
		}
	}
	return checks;
}

static void fill(void)
{
	for (size_t i = 0; i < SIZE; i++)
		buf[i] = ref[i] = (unsigned char)(i * 131 + i / 251 + 7);
}

int main(void)
{
	long checks = 0;
	for (size_t n = 0; n <= MAX; n += (n < 300 ? 1 : 97)) {
		/* memmove: every distance between source and destination from -150 to 150 bytes, and
		 * far apart, at several alignments. */
		for (int align = 0; align < 16; align += 5) {
			for (int delta = -150; delta <= 150; delta++) {
				size_t s = PAD + MAX / 2 + (size_t)align, d = (size_t)((long)s + delta);
				fill();
				unsigned char tmp[MAX];
				for (size_t i = 0; i < n; i++)
					tmp[i] = ref[s + i];
				for (size_t i = 0; i < n; i++)
					ref[d + i] = tmp[i];
				if (fm_memmove(buf + d, buf + s, n) != buf + d || !same(buf, ref, SIZE)) {
					printf("memmove wrong: n=%zu delta=%d align=%d\n", n, delta, align);
					return 1;
				}
				checks++;
			}
		}
		/* memcpy: disjoint source and destination at every pair of alignments mod 16. */
		for (int sa = 0; sa < 16; sa++) {
			for (int da = 0; da < 16; da++) {
				size_t s = (size_t)sa, d = MAX + 2 * PAD + (size_t)da;
				fill();
				for (size_t i = 0; i < n; i++)
					ref[d + i] = ref[s + i];
				if (fm_memcpy(buf + d, buf + s, n) != buf + d || !same(buf, ref, SIZE)) {
					printf("memcpy wrong: n=%zu source at %d, destination at %d\n", n, sa, da);
					return 1;
				}
				checks++;
			}
		}
	}
	long compared = check_compare();
	if (compared < 0)
		return 1;
	printf("native/musl_mem.c: %ld copies and %ld comparisons checked\n", checks, compared);
	return 0;
}
