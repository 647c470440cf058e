"""pytest setup: the package from this source tree, the library and tools
from the build tree (make check sets top_builddir and LANDSCAPE_LIB); with
LANDSCAPE_TEST_INSTALLED set, the installed package (PYTHONPATH), library
and tools (LANDSCAPE_BINDIR) instead (tests/cli/python-install.sh)."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
if not os.environ.get("LANDSCAPE_TEST_INSTALLED"):
    sys.path.insert(0, os.path.dirname(here))
os.environ.setdefault("LANDSCAPE_FAMILIES",
                      os.path.join(os.path.dirname(os.path.dirname(here)),
                                   "data", "families.tsv"))
