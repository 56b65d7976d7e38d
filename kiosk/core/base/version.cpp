#include "base/version.h"

const char* KioskVersion() {
    return KIOSK_VERSION;
}
