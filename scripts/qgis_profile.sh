# Sourced by scripts/qgis_process and scripts/qgis_desktop: a scratch QGIS profile folder
# ($config) holding a link named `remotenet` to this checkout, enabled as a plugin, and the
# environment QGIS needs to find the .venv's packages (QGIS embeds the system Python, so the
# .venv's torch, timm and safetensors reach it only through PYTHONPATH).
# Needs: $root (the checkout) and $config (the profile folder) set by the caller.
plugins="$config/profiles/default/python/plugins"
ini="$config/profiles/default/QGIS/QGIS3.ini"
mkdir -p "$plugins" "$(dirname "$ini")"
ln -sfn "$root" "$plugins/remotenet"
# Enable the plugin (what `qgis_process plugins enable remotenet` writes) without a QGIS start.
if ! grep -qx 'remotenet=true' "$ini" 2>/dev/null; then
  if grep -q '^\[PythonPlugins\]' "$ini" 2>/dev/null; then
    sed -i '/^remotenet=/d; /^\[PythonPlugins\]/a remotenet=true' "$ini"
  else
    printf '\n[PythonPlugins]\nremotenet=true\n' >> "$ini"
  fi
fi
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  export XDG_RUNTIME_DIR="$config/runtime"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
fi
if [ -x "$root/.venv/bin/python" ]; then
  site=$("$root/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
fi
