"""``python -m remotenet <command>``. Commands: ``install`` (torch, timm and safetensors for the plugin)."""
import sys

COMMANDS = ("install",)

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(f"usage: python -m remotenet {{{','.join(COMMANDS)}}} [options]  (--help after a command)",
              file=sys.stderr)
        sys.exit(2)
    from .remotenet_plugin.install_cli import main

    sys.exit(main(sys.argv[2:]))
