/* Checks native/musl_mem.c against a byte-by-byte reference. Built by scripts/dist with
 * -Dmemcpy=fm_memcpy -Dmemmove=fm_memmove, so the functions under test do not replace the C
 * library's own while the test runs. Exit status 0 when every copy is right. */
#include <stdio.h>
#include <string.h>

void *fm_memcpy(void *restrict, const void *restrict, size_t);
void *fm_memmove(void *, const void *, size_t);

enum { MAX = 4200, PAD = 200, SIZE = 2 * MAX + 4 * PAD };
static unsigned char buf[SIZE], ref[SIZE];

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
				if (fm_memmove(buf + d, buf + s, n) != buf + d || memcmp(buf, ref, SIZE) != 0) {
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
				if (fm_memcpy(buf + d, buf + s, n) != buf + d || memcmp(buf, ref, SIZE) != 0) {
					printf("memcpy wrong: n=%zu source at %d, destination at %d\n", n, sa, da);
					return 1;
				}
				checks++;
			}
		}
	}
	printf("native/musl_mem.c: %ld copies checked\n", checks);
	return 0;
}
