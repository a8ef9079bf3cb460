#!/usr/bin/env bash
# Build "Desktop Chat.app" with PyInstaller and wrap it in a disk image:
#   dist/desktop-chat-<version>-macos-<arm64|x86_64>.dmg
#
#   packaging/macos/build_dmg.sh            (uses .venv/bin/python; PYTHON=... to change)
#
# Unsigned unless CODESIGN_IDENTITY names a "Developer ID Application: ..." identity in the
# keychain; notarised and stapled when NOTARY_PROFILE names a notarytool keychain profile
# (xcrun notarytool store-credentials). See packaging/README.md, "Signing".
# Needs: macOS 12+, Xcode command-line tools (hdiutil, codesign, xcrun), pip install pyinstaller.
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON:-.venv/bin/python}
version=$("$python" packaging/project_version.py)
arch=$(uname -m)
app="build/pyinstaller/dist/Desktop Chat.app"
dmg="dist/desktop-chat-$version-macos-$arch.dmg"

# The spec signs every binary and the bundle itself (hardened runtime, secure timestamp, the
# entitlements in packaging/macos/entitlements.plist) when CODESIGN_IDENTITY is set.
export CODESIGN_IDENTITY=${CODESIGN_IDENTITY:-}
"$python" -m PyInstaller --noconfirm --clean \
    --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
    packaging/desktop-chat.spec

plist="$app/Contents/Info.plist"
test "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$plist")" = "$version"
"$app/Contents/MacOS/desktop-chat" --version

staging=build/dmg
rm -rf "$staging" && mkdir -p "$staging" dist
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"  # drag-to-install target
rm -f "$dmg"
hdiutil create -volname "Desktop Chat" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "$CODESIGN_IDENTITY" ]; then
    codesign --sign "$CODESIGN_IDENTITY" --timestamp "$dmg"
    codesign --verify --deep --strict --verbose=2 "$app"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "dmg: $dmg ($(du -h "$dmg" | cut -f1))"
