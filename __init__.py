"""RemoteNet for QGIS.

The repository root is the QGIS plugin folder (installed as ``remotenet``). Importing this
package must stay cheap and must not need QGIS or torch: plain Python uses it to reach
``remotenet.model`` and ``remotenet.remotenet_plugin.engine``. QGIS itself only calls
``classFactory``.
"""


def classFactory(iface):  # noqa: N802 - the name QGIS looks for
    """Entry point QGIS calls with its interface (``None`` under qgis_process)."""
    from .remotenet_plugin.installer import activate, profile_from_qgis

    try:
        # torch, timm and safetensors installed by the plugin's installer, in desktop and qgis_process alike.
        activate(profile_from_qgis())
    except OSError:
        pass  # an unreadable profile folder must not stop the plugin; the algorithms report missing packages
    from .remotenet_plugin.plugin import RemoteNetPlugin

    return RemoteNetPlugin(iface)
