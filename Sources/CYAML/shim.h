#ifndef KRAKENLINT_CYAML_SHIM_H
#define KRAKENLINT_CYAML_SHIM_H
#include <yaml.h>
#endif
