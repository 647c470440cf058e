#!/bin/sh
# Man page coverage of the library: every function a public header
# declares (include/landscape/lsc_*.h, comments stripped) is named in the
# NAME section of a man3 page and appears in its SYNOPSIS.
. "${top_srcdir:-.}/tests/cli/common.sh"
CPP="${CC:-cc} -fpreprocessed -dD -E -P"
# Headers whose pages are still incomplete (reported, not failed): to be
# documented by their modules' owners; remove a header once it passes.
GAPS=""
GAPS=$(echo $GAPS)
# NAME sections of every man3 page, one name a line
for page in "$top_srcdir"/man/man3/*.3; do
  awk '/^\.SH NAME/ { on = 1; next } /^\.SH/ { on = 0 } on' "$page" |
    sed 's/\\-.*//; s/\\//g' | tr ', ' '\n\n' | grep '^lsc_' |
    sed "s|\$| $(basename "$page")|"
done | sort -u >"$tmp/names"
test -s "$tmp/names" || { fail "no lsc_ names in man3 NAME sections"; finish; }
for h in "$top_srcdir"/include/landscape/lsc_*.h; do
  $CPP "$h" 2>/dev/null >"$tmp/h" || { fail "$CPP $h"; continue; }
  # declared functions: an lsc_ name followed by "(", not a typedef'd
  # function type
  tr '\n' ' ' <"$tmp/h" | tr ';' '\n' >"$tmp/decl"
  fns=$(grep -v '^ *typedef [^{]*(' "$tmp/decl" |
        grep -o '[A-Za-z_*]*[ *]lsc_[a-z0-9_]* *(' |
        sed 's/.*\(lsc_[a-z0-9_]*\).*/\1/' | grep -v '_t$' | sort -u)
  test -n "$fns" || continue
  hb=$(basename "$h")
  for f in $fns; do
    page=$(awk -v f="$f" '$1 == f { print $2; exit }' "$tmp/names")
    if test -z "$page"; then
      case " $GAPS " in
        *" $hb "*) echo "known gap: $hb: $f is named in no man3 page" >&2;
          continue ;;
      esac
      fail "$hb: $f is named in no man3 page"
    elif grep -q "$f(" "$top_srcdir/man/man3/$page"; then pass
    else
      case " $GAPS " in
        *" $hb "*) echo "known gap: $hb: $f is not in the SYNOPSIS of $page" >&2 ;;
        *) fail "$hb: $f is not in the SYNOPSIS of $page" ;;
      esac
    fi
  done
done
finish
