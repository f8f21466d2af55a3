#ifndef KRAKENLINT_CGLIBCEXTENSIONS_SHIM_H
#define KRAKENLINT_CGLIBCEXTENSIONS_SHIM_H
/*
 * GNU extensions of glibc that Swift's Glibc module leaves out, declared here so that Swift calls them
 * directly. Looking them up by name at run time (dlsym) finds nothing in a static executable, which the
 * release build of krakenlint is.
 */
#if defined(__linux__)
#include <malloc.h>
#include <pthread.h>

/* The attributes of a running thread, its stack among them (glibc, _GNU_SOURCE). */
extern int pthread_getattr_np(pthread_t thread, pthread_attr_t *attributes);
#endif
#endif
