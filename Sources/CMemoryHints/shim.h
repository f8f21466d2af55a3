#ifndef KRAKENLINT_CMEMORYHINTS_SHIM_H
#define KRAKENLINT_CMEMORYHINTS_SHIM_H
/*
 * Hints to the processor that Swift has no spelling for. A hint never changes what a program computes:
 * a prefetch of an address that is not mapped is dropped, not faulted.
 */

/* Starts loading the cache line at `address` for reading, to be kept in every cache level. */
static inline void krakenlint_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
#endif
