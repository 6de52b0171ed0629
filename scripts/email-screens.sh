#!/usr/bin/env bash
# Opens .eml files written by Marz in Thunderbird under Xvfb and saves a screenshot of each
# (README: "E-mail"). Not part of CI: it needs Thunderbird (Debian: apt-get install
# thunderbird), Xvfb, xdotool and ImageMagick.
#
#   scripts/email-screens.sh target/release/marz OUT_DIR
#
# Thunderbird opens an .eml marked `X-Unsent: 1` as a draft in its compose window, which is
# what «باز کردن در برنامه رایانامه» hands over. A throwaway profile with one local identity
# keeps Thunderbird from starting its account wizard.
set -euo pipefail
marz=$(realpath "${1:-target/release/marz}")
out=$(realpath -m "${2:-target/email-screens}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

display=:$((RANDOM % 400 + 100))
Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 2
export DISPLAY=$display

profile=$work/profile
mkdir -p "$profile"
cat >"$profile/user.js" <<'EOF'
user_pref("mail.shell.checkDefaultClient", false);
user_pref("mailnews.start_page.enabled", false);
user_pref("mail.provider.suppress_dialog_on_startup", true);
user_pref("mail.rights.version", 1);
user_pref("datareporting.policy.dataSubmissionPolicyBypassNotification", true);
user_pref("app.update.enabled", false);
user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server2");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.identity.id1.fullName", "Maryam Rahimi");
user_pref("mail.identity.id1.useremail", "maryam@example.com");
user_pref("mail.identity.id1.valid", true);
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.server.server1.type", "pop3");
user_pref("mail.server.server1.hostname", "localhost");
user_pref("mail.server.server1.userName", "maryam");
user_pref("mail.server.server1.login_at_startup", false);
user_pref("mail.server.server1.check_new_mail", false);
user_pref("mail.server.server2.type", "none");
user_pref("mail.server.server2.hostname", "Local Folders");
user_pref("mail.server.server2.userName", "nobody");
user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtpserver.smtp1.hostname", "localhost");
EOF

data=$work/data
"$marz" --data-dir "$data" clients list >/dev/null 2>&1
write() { # NAME TEMPLATE CLIENT OPTIONS…
  local name=$1 template=$2 client=$3
  shift 3
  "$marz" --data-dir "$data" render "$template" --client "$client" --date 2026-11-22 \
    --format eml "$@" --out "$work/$name.eml"
}
write fa-letter payment-3 sample-reza --attach-pdf --letter-body
write fa-cover payment-3 sample-reza --attach-pdf
write en-letter payment-1 sample-daniel --attach-pdf --letter-body
write en-cover payment-1 sample-daniel --attach-pdf

for name in fa-letter fa-cover en-letter en-cover; do
  thunderbird --profile "$profile" --no-remote "$work/$name.eml" >/dev/null 2>&1 &
  tb=$!
  win=""
  for _ in $(seq 1 60); do
    win=$(xdotool search --name "^Write: " 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 1
  done
  if [ -z "$win" ]; then
    echo "$name: Thunderbird opened no compose window" >&2
    kill "$tb" 2>/dev/null || true
    exit 1
  fi
  sleep 3
  xdotool windowmove --sync "$win" 0 0
  xdotool windowsize --sync "$win" 1100 860
  sleep 2
  import -window root "$work/$name.png"
  convert "$work/$name.png" -crop 1100x860+0+0 +repage -strip "PNG8:$out/email-$name.png"
  kill "$tb" 2>/dev/null || true
  wait "$tb" 2>/dev/null || true
  sleep 2
  echo "saved $out/email-$name.png"
done
