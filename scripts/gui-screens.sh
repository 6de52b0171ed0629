#!/usr/bin/env bash
# Starts the desktop app under Xvfb on a fresh sample workspace, drives it with xdotool
# through its main screens, and saves screenshots to $OUT (default: target/screens).
# Needs: xvfb, xdotool, imagemagick (import) and the X11 client libraries; `.ci/run`
# installs them. Usage: scripts/gui-screens.sh [path/to/marz]
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-target/release/marz}
out=${OUT:-target/screens}
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:${DISPLAY_NUMBER:-97}
# -noreset: by default Xvfb resets when its last client leaves, and an app started during
# the reset cannot open the display (XOpenDisplayFailed, seen between two app runs in CI).
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1

# CPU rendering: no GPU under Xvfb.
export ICED_BACKEND=tiny-skia
export MARZ_EXPORT_DIR="$work/exports"
mkdir -p "$MARZ_EXPORT_DIR"

shoot() {
  sleep "${2:-1.5}"
  import -window root "$out/$1.png"
  echo "screenshot: $out/$1.png"
}

window() {
  # A cold machine can take a while to map the first window (font cache, shader set-up).
  for _ in $(seq 1 180); do
    # The only window on this display is ours.
    id=$(xdotool search --onlyvisible --name "." 2>/dev/null | head -n 1 || true)
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  return 1
}

start() {
  local try
  for try in 1 2; do
    "$bin" --data-dir "$work/data" "$@" >"$work/app.log" 2>&1 &
    app=$!
    if win=$(window); then
      xdotool windowmove "$win" 0 0 windowsize "$win" 1280 860 windowfocus "$win"
      sleep 1
      return 0
    fi
    echo "the Marz window did not appear (try $try of 2; app log follows)" >&2
    sed 's/^/  app: /' "$work/app.log" >&2 || true
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  done
  exit 1
}

# 1. Persian: the compose screen with the first sample client, the payment ladder.
start
# The desktop knows the window as Marz's (assets/marz.desktop: StartupWMClass=marz).
xdotool search --onlyvisible --classname '^marz$' | grep -qx "$win"
shoot compose-fa 3
# Editing Persian: click inside the subject (on «صورت‌حساب»), type a letter, then select
# three letters with Shift+Left and the first word with the mouse. The caret blinks, so
# each shot is taken soon after the key that restarted it.
xdotool mousemove --window "$win" 505 47 click 1
shoot edit-click-fa 0.3
xdotool type --window "$win" "ب"
shoot edit-type-fa 0.3
xdotool key --window "$win" shift+Left shift+Left shift+Left
shoot edit-select-fa 0.3
xdotool mousemove --window "$win" 625 47 mousedown 1 mousemove --window "$win" 560 47 mouseup 1
shoot edit-drag-fa 0.3
# Ctrl+E exports the letter as PDF (no dialog: MARZ_EXPORT_DIR is set).
xdotool key --window "$win" ctrl+e
shoot export-fa 3
pdf=$(ls "$MARZ_EXPORT_DIR"/*.pdf)
# It went through the register: one letter recorded, with that file.
recorded() { "$bin" --data-dir "$work/data" letters list --json | grep -c '"number"' || true; }
[ "$(recorded)" = 1 ]
"$bin" --data-dir "$work/data" letters list --json | grep -qF "\"$pdf\""
# The letter body as an editor: "Edit text", then a sentence typed at its end.
xdotool mousemove --window "$win" 585 673 click 1
sleep 0.5
xdotool key --window "$win" ctrl+End
xdotool type --window "$win" --delay 40 " سپاس"
shoot compose-edit-fa 0.3
# The tone check as the owner types: a harsh sentence at the end of the body is flagged at
# once (its words banded in the letter, its kind, why, and a kinder wording); the letter
# is scrolled to its end to show the words.
xdotool type --window "$win" --delay 40 " راستش را بخواهید، مشکل از شماست."
xdotool mousemove --window "$win" 320 300 click 5 click 5 click 5 click 5 click 5 click 5
shoot tone-harsh-fa 0.5
# One click on the kinder wording puts it in place of exactly those words; the calm line
# comes back.
xdotool mousemove --window "$win" 430 721 click 1
shoot tone-applied-fa 0.5
# Ctrl+Z takes the replacement back (the harsh words and their card return), and
# Ctrl+Shift+Z puts it in again.
xdotool key --window "$win" ctrl+z
shoot tone-undone-fa 0.5
xdotool key --window "$win" ctrl+shift+z
shoot tone-redone-fa 0.5
# Another situation, half filled in: the price increase shows its own letter at once, with
# placeholders for what is missing, the export buttons disabled and a line saying what is
# still needed; Ctrl+E exports nothing. Back to the payment reminder: it is all there.
# (A click on the "saved" bar dismisses it first, so the form sits where the clicks expect.)
pdfs=$(ls "$MARZ_EXPORT_DIR"/*.pdf | wc -l)
xdotool mousemove --window "$win" 600 31 click 1
sleep 0.3
xdotool mousemove --window "$win" 967 188 click 1
sleep 0.5
xdotool mousemove --window "$win" 849 663 click 1
xdotool type --window "$win" --delay 40 "طراحی وب‌سایت"
xdotool mousemove --window "$win" 849 723 click 1
xdotool type --window "$win" --delay 40 "۱۵۰۰۰۰۰۰"
shoot compose-draft-fa 0.5
xdotool key --window "$win" ctrl+e
sleep 2
[ "$(ls "$MARZ_EXPORT_DIR"/*.pdf | wc -l)" = "$pdfs" ]
[ "$(recorded)" = 1 ]
xdotool mousemove --window "$win" 967 153 click 1
shoot compose-back-fa 0.5
# Ctrl+N: a new client form on the clients screen, the name field ready to type into.
xdotool key --window "$win" ctrl+n
shoot client-new-fa
# Fill it: Tab moves in reading order (name, id, title, company, e-mail); Ctrl+S saves.
xdotool type --window "$win" --delay 40 "شرکت نوین"
xdotool key --window "$win" Tab
xdotool type --window "$win" --delay 40 "novin"
xdotool key --window "$win" Tab Tab Tab
xdotool type --window "$win" --delay 40 "info@novin.example"
shoot client-form-fa 0.3
xdotool key --window "$win" ctrl+s
shoot client-saved-fa
grep -q 'email = "info@novin.example"' "$work/data/clients/novin.toml"
# Ctrl+F: the search box; type a name with Arabic letters.
xdotool key --window "$win" ctrl+f
xdotool type --window "$win" --delay 60 "كريمي"
shoot clients-search-fa
# Settings, then switch the interface to English while the app runs. (A click on the
# "client saved" bar dismisses it first, so the settings sit where the clicks expect.)
xdotool mousemove --window "$win" 600 31 click 1
xdotool mousemove --window "$win" 1174 227 click 1
shoot settings-fa
# Further down the sender's card: the payment details, several lines (bank, card, شبا).
xdotool mousemove --window "$win" 1030 600 click --repeat 12 5
shoot settings-payment-fa 0.8
xdotool mousemove --window "$win" 1030 600 click --repeat 12 4
sleep 0.5
xdotool mousemove --window "$win" 972 78 click 1
sleep 0.5
xdotool mousemove --window "$win" 960 139 click 1
shoot settings-en
grep -q 'ui_language = "en"' "$work/data/settings.toml"
kill "$app"; wait "$app" 2>/dev/null || true

# 2. English interface.
start --lang en
shoot compose-en 3
kill "$app"; wait "$app" 2>/dev/null || true

# 3. The register. Two more letters, sent from the command line: a reminder to Nazanin six
# weeks ago (its follow-up is due now) and a warning to Reza.
marz() { "$bin" --data-dir "$work/data" "$@"; }
earlier=$(date -d '-42 days' +%F)
marz render payment-1 --client sample-nazanin --date "$earlier" --out "$work/n1.txt" 2>/dev/null
marz render respect-1 --client sample-reza --set incident="جلسه هفته پیش" \
  --set incident_date="$(date -d '-3 days' +%F)" --set behaviour="صدای بلند و توهین" \
  --out "$work/r1.txt" 2>/dev/null
[ "$(recorded)" = 3 ]
start --lang fa
# Compose opens on Reza, whose payment thread is open: the next level is chosen, a line
# names the letter it follows, and the preview carries «پیرو نامه شماره … مورخ …».
shoot compose-thread-fa 3
# Its payment details come from the first letter: three lines (bank, card, شبا) in a field
# of several lines at the end of the form, and the same three lines in the preview. Enter
# in that field starts a new line; the line typed shows in the letter at once.
xdotool mousemove --window "$win" 850 600 click --repeat 30 5
xdotool mousemove --window "$win" 320 400 click --repeat 4 5
sleep 0.5
xdotool mousemove --window "$win" 900 805 click 1
xdotool key --window "$win" ctrl+End Return
xdotool type --window "$win" --delay 40 "شماره حساب: ۱۲۳۴۵۶۷۸۹"
shoot compose-details-fa 0.5
xdotool mousemove --window "$win" 850 400 click --repeat 30 4
xdotool mousemove --window "$win" 320 400 click --repeat 4 4
# The letters screen: the due follow-up, then the register, newest first.
xdotool mousemove --window "$win" 1174 133 click 1
shoot letters-fa
# The newest letter opened: its text exactly as sent, with its number, date and status.
xdotool mousemove --window "$win" 850 340 click 1
shoot letter-open-fa
# Void asks for a reason first (its button waits for one).
xdotool mousemove --window "$win" 465 280 click 1
shoot letter-void-fa 0.5
# Searching with Arabic letter forms finds the Persian words.
xdotool mousemove --window "$win" 900 31 click 1
xdotool type --window "$win" --delay 60 "يادآوري"
shoot letters-search-fa
# Reza's timeline on the clients screen: his letters and his open threads.
xdotool mousemove --window "$win" 1174 180 click 1
sleep 0.5
xdotool mousemove --window "$win" 900 128 click 1
shoot client-timeline-fa
kill "$app"; wait "$app" 2>/dev/null || true

# 4. E-mail where no mail program exists (nothing on PATH to open files or links with), on
# a fresh workspace: tick «attach the letter as PDF» and press «open in the mail program».
# The letter is recorded once, and the notice says no mail program opened, with two ways
# left: save the e-mail (the same draft, recorded no second time) or copy the text.
mail_data="$work/data-mail"
mailed() { "$bin" --data-dir "$mail_data" letters list --json | grep -c '"sent_as": "mail"' || true; }
for try in 1 2; do
  PATH=/nonexistent "$bin" --data-dir "$mail_data" --lang fa >"$work/app.log" 2>&1 &
  app=$!
  if win=$(window); then break; fi
  echo "the Marz window did not appear (try $try of 2; app log follows)" >&2
  sed 's/^/  app: /' "$work/app.log" >&2 || true
  [ "$try" = 2 ] && exit 1
done
xdotool windowmove "$win" 0 0 windowsize "$win" 1280 860 windowfocus "$win"
sleep 3
xdotool mousemove --window "$win" 621 757 click 1
shoot compose-attach-fa 0.8
xdotool mousemove --window "$win" 400 828 click 1
shoot mail-none-fa 3
[ "$(mailed)" = 1 ]
emls=$(ls "$MARZ_EXPORT_DIR" | grep -c '\.eml$' || true)
xdotool mousemove --window "$win" 985 91 click 1
sleep 1.5
[ "$(ls "$MARZ_EXPORT_DIR" | grep -c '\.eml$')" = $((emls + 1)) ]
[ "$(mailed)" = 1 ]
kill "$app"; wait "$app" 2>/dev/null || true

# 5. The printed page, the images and printing (Persian, a fresh workspace).
rm -rf "$work/data"
# A stand-in for lp that keeps what it is given; then none at all.
cat >"$work/lp" <<LP
#!/bin/sh
cat > "$work/printed.pdf"
echo 'request id is Office-1 (1 file(s))'
LP
chmod +x "$work/lp"
cp assets/sample/letterhead.png "$work/second-page.png"
MARZ_PRINT_COMMAND="$work/lp" MARZ_PICK_FILE="$work/second-page.png" start
# The printed page beside the form: letterhead, signature and stamp, as the PDF prints.
xdotool mousemove --window "$win" 57 662 click 1
shoot compose-page-fa 1.5
# Larger: the page at its actual size, scrolled.
xdotool mousemove --window "$win" 342 84 click 1
shoot compose-page-zoom-fa 1.5
xdotool mousemove --window "$win" 437 84 click 1
# The stamp left off this letter: the page follows.
xdotool mousemove --window "$win" 162 828 click 1
shoot compose-page-nostamp-fa 1
# Print (Ctrl+P): recorded as printed, the printer got a PDF.
xdotool key --window "$win" ctrl+p
shoot print-fa 2
head -c 5 "$work/printed.pdf" | grep -q '%PDF-'
"$bin" --data-dir "$work/data" letters list --json | grep -q '"sent_as": *"print"'
# Settings: thumbnails of the sample images; a letterhead for the following pages picked
# (MARZ_PICK_FILE stands in for the file dialog) is copied into the workspace.
xdotool mousemove --window "$win" 600 31 click 1
xdotool mousemove --window "$win" 1174 227 click 1
shoot settings-images-fa 1.5
xdotool mousemove --window "$win" 885 466 click 1
shoot settings-picked-fa 1.5
grep -q '^letterhead_next = "letterhead_next.png"' "$work/data/sender.toml"
cmp -s "$work/second-page.png" "$work/data/letterhead_next.png"
kill "$app"; wait "$app" 2>/dev/null || true

# No printing system (where lp is not installed, as on CI): the owner is told, in
# Persian, and nothing is recorded.
if ! command -v lp >/dev/null; then
  start
  before=$(recorded)
  xdotool key --window "$win" ctrl+p
  shoot print-missing-fa 2
  [ "$(recorded)" = "$before" ]
  kill "$app"; wait "$app" 2>/dev/null || true
fi

echo "exports: $(ls "$MARZ_EXPORT_DIR")"
