<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="25"/>
        <source>Measures a classified raster (for example RemoteNet Segment&apos;s output) against reference labels. Class &lt;i&gt;values&lt;/i&gt; are compared, pixel by pixel, on the classified raster&apos;s grid; pixels that are 255 or nodata on either side are not counted.&lt;br&gt;&lt;br&gt;&lt;b&gt;Classified raster&lt;/b&gt; (INPUT): band 1 holds class values (UInt8, 255 = nodata).&lt;br&gt;&lt;b&gt;Reference&lt;/b&gt; (REFERENCE): a class raster (warped onto the classified grid when needed) or polygons. Polygons without a class field are class 1 on a background of class 0 (footprints, as RemoteNet Train reads them).&lt;br&gt;&lt;b&gt;Class field&lt;/b&gt; (CLASS_FIELD): polygons only; whole numbers are class values, text is matched to the classified raster&apos;s class names. Pixels outside polygons are not counted unless BACKGROUND is set.&lt;br&gt;&lt;b&gt;Table&lt;/b&gt; (OUTPUT_TABLE): CSV with IoU, F1, precision, recall and pixel counts per class, and a summary row.&lt;br&gt;&lt;b&gt;Report&lt;/b&gt; (OUTPUT_HTML): the same with the confusion matrix.&lt;br&gt;&lt;br&gt;Results: MIOU, OA (overall accuracy), KAPPA (Cohen&apos;s), MEAN_F1, PER_CLASS and CONFUSION_MATRIX (JSON).</source>
        <translation>Misst ein klassifiziertes Raster (zum Beispiel die Ausgabe von RemoteNet Segmentieren) an Referenzlabels. Verglichen werden die &lt;i&gt;Werte&lt;/i&gt; der Klassen, Pixel für Pixel, auf dem Gitter des klassifizierten Rasters; Pixel, die auf einer der beiden Seiten 255 oder Leerwert sind, werden nicht gezählt.&lt;br&gt;&lt;br&gt;&lt;b&gt;Klassifiziertes Raster&lt;/b&gt; (INPUT): Kanal 1 enthält die Klassenwerte (UInt8, 255 = Leerwert).&lt;br&gt;&lt;b&gt;Referenz&lt;/b&gt; (REFERENCE): ein Klassenraster (bei Bedarf auf das Gitter des klassifizierten Rasters transformiert) oder Polygone. Polygone ohne Klassenfeld sind Klasse 1 auf einem Hintergrund der Klasse 0 (Grundrisse, so wie RemoteNet Trainieren sie liest).&lt;br&gt;&lt;b&gt;Klassenfeld&lt;/b&gt; (CLASS_FIELD): nur für Polygone; ganze Zahlen sind Klassenwerte, Text wird den Klassennamen des klassifizierten Rasters zugeordnet. Pixel außerhalb der Polygone werden nicht gezählt, außer wenn BACKGROUND gesetzt ist.&lt;br&gt;&lt;b&gt;Tabelle&lt;/b&gt; (OUTPUT_TABLE): CSV mit IoU, F1, Precision, Recall und Pixelanzahl je Klasse sowie einer Zusammenfassungszeile.&lt;br&gt;&lt;b&gt;Bericht&lt;/b&gt; (OUTPUT_HTML): dasselbe mit der Konfusionsmatrix.&lt;br&gt;&lt;br&gt;Ergebnisse: MIOU, OA (Gesamtgenauigkeit), KAPPA (nach Cohen), MEAN_F1, PER_CLASS und CONFUSION_MATRIX (JSON).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="53"/>
        <source>RemoteNet Evaluate</source>
        <translation>RemoteNet Evaluieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="56"/>
        <source>accuracy,evaluation,iou,miou,confusion matrix,kappa,remotenet</source>
        <translation>genauigkeit,evaluierung,iou,miou,konfusionsmatrix,fehlermatrix,kappa,remotenet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="59"/>
        <source>Per-class IoU/F1, mIoU, overall accuracy, kappa and confusion matrix of a classified raster.</source>
        <translation>IoU/F1 je Klasse, mIoU, Gesamtgenauigkeit, Kappa und Konfusionsmatrix eines klassifizierten Rasters.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="65"/>
        <source>Classified raster</source>
        <translation>Klassifiziertes Raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="66"/>
        <source>Reference labels (class raster, or polygons)</source>
        <translation>Referenzlabels (Klassenraster oder Polygone)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="68"/>
        <source>Class field (polygons; empty: class 1 on background 0)</source>
        <translation>Klassenfeld (Polygone; leer: Klasse 1 auf Hintergrund 0)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="70"/>
        <source>Pixels outside polygons are background (class field given)</source>
        <translation>Pixel außerhalb der Polygone sind Hintergrund (bei angegebenem Klassenfeld)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="73"/>
        <source>Metrics table</source>
        <translation>Metriktabelle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="73"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="75"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="75"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="77"/>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="78"/>
        <source>Overall accuracy</source>
        <translation>Gesamtgenauigkeit</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="79"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens Kappa</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="80"/>
        <source>Mean F1</source>
        <translation>Mittlerer F1-Wert</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="81"/>
        <source>Pixels compared</source>
        <translation>Verglichene Pixel</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="82"/>
        <source>Per-class metrics (JSON)</source>
        <translation>Metriken je Klasse (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="83"/>
        <source>Confusion matrix (JSON)</source>
        <translation>Konfusionsmatrix (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="90"/>
        <source>INPUT: {value} is not a raster file QGIS can open; choose the classified GeoTIFF</source>
        <translation>INPUT: {value} ist keine Rasterdatei, die QGIS öffnen kann; wählen Sie das klassifizierte GeoTIFF</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="116"/>
        <source>OUTPUT_TABLE: {path} must end in .csv</source>
        <translation>OUTPUT_TABLE: {path} muss auf .csv enden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="118"/>
        <source>OUTPUT_HTML: {path} must end in .html</source>
        <translation>OUTPUT_HTML: {path} muss auf .html enden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="139"/>
        <source>class {value} ({name}): IoU {iou}, F1 {f1}, precision {precision}, recall {recall}</source>
        <translation>Klasse {value} ({name}): IoU {iou}, F1 {f1}, Precision {precision}, Recall {recall}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="142"/>
        <source>mIoU {miou}, overall accuracy {oa}, kappa {kappa}; {pixels} pixels compared</source>
        <translation>mIoU {miou}, Gesamtgenauigkeit {oa}, Kappa {kappa}; {pixels} Pixel verglichen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="159"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>InstallerDialog</name>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="42"/>
        <source>RemoteNet: install PyTorch, timm and safetensors</source>
        <translation>RemoteNet: PyTorch, timm und safetensors installieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="67"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="80"/>
        <source>Working out what to install (pip, QGIS's numpy, the package indexes)…</source>
        <translation>Es wird ermittelt, was zu installieren ist (pip, numpy von QGIS, die Paketindizes)…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="97"/>
        <source>Cannot install from here: {error}</source>
        <translation>Installation von hier aus nicht möglich: {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="102"/>
        <source>Missing: {packages}.</source>
        <translation>Fehlende Pakete: {packages}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="102"/>
        <source>RemoteNet will install these packages into a folder of its own in your QGIS profile (not into QGIS&apos;s Python):</source>
        <translation>RemoteNet installiert diese Pakete in einen eigenen Ordner in Ihrem QGIS-Profil (nicht in das Python von QGIS):</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="119"/>
        <source>Starting pip…</source>
        <translation>pip wird gestartet…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="137"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>LabelsLayer</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="42"/>
        <source>{parameter}: {value} is not a layer QGIS can open; choose a class raster or a polygon layer</source>
        <translation>{parameter}: {value} ist kein Layer, den QGIS öffnen kann; wählen Sie ein Klassenraster oder einen Polygonlayer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="47"/>
        <source>CLASS_FIELD: {parameter} &apos;{layer}&apos; is a raster: its pixel values are the classes; leave CLASS_FIELD empty</source>
        <translation>CLASS_FIELD: {parameter} '{layer}' ist ein Raster: seine Pixelwerte sind die Klassen; lassen Sie CLASS_FIELD leer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="51"/>
        <source>{parameter}: raster &apos;{layer}&apos; is not a file GDAL reads; save it as a GeoTIFF first</source>
        <translation>{parameter}: das Raster '{layer}' ist keine Datei, die GDAL lesen kann; speichern Sie es zuerst als GeoTIFF</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="56"/>
        <source>{parameter}: &apos;{layer}&apos; is neither a raster nor a vector layer</source>
        <translation>{parameter}: '{layer}' ist weder ein Raster- noch ein Vektorlayer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="60"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="61"/>
        <source>CLASS_FIELD: {parameter} has no field &apos;{field}&apos;; fields: {names}</source>
        <translation>CLASS_FIELD: {parameter} hat kein Feld '{field}'; Felder: {names}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="73"/>
        <source>{parameter}: could not copy layer &apos;{layer}&apos;: {error}</source>
        <translation>{parameter}: Layer '{layer}' konnte nicht kopiert werden: {error}</translation>
    </message>
</context>
<context>
    <name>RemoteNet</name>
    <message>
        <location filename="../remotenet_plugin/dependencies.py" line="98"/>
        <source>RemoteNet needs the Python packages {packages}; these cannot be imported:
{problems}
{instructions}</source>
        <translation>RemoteNet benötigt die Python-Pakete {packages}; diese lassen sich nicht importieren:
{problems}
{instructions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="238"/>
        <source>cannot mosaic the chunk parts: {gdal_error}</source>
        <translation>die Teile der Blöcke lassen sich nicht zu einem Mosaik zusammenfügen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/assemble.py" line="61"/>
        <source>writing {out_path} failed: {gdal_error}</source>
        <translation>Schreiben von {out_path} fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/blend/rows.py" line="33"/>
        <source>the network produced NaN or infinite values; check the model file, the input scaling in its header, or use precision &apos;fp32&apos;</source>
        <translation>das Netz hat NaN- oder unendliche Werte erzeugt; prüfen Sie die Modelldatei und die Eingabeskalierung in ihrem Header, oder verwenden Sie die Präzision 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="74"/>
        <source>{tile_size!r} must be a whole number of at least {min_tile} pixels</source>
        <translation>{tile_size!r} muss eine ganze Zahl von mindestens {min_tile} Pixeln sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="79"/>
        <source>{tile} is too small; use at least {min_tile} pixels</source>
        <translation>{tile} ist zu klein; verwenden Sie mindestens {min_tile} Pixel</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="84"/>
        <source>{overlap} must be at least 0 and less than half the tile size ({tile} px): use at most {value}</source>
        <translation>{overlap} muss mindestens 0 und kleiner als die halbe Kachelgröße ({tile} px) sein: verwenden Sie höchstens {value}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="92"/>
        <source>{batch_size!r} must be a whole number from 1 to {max_batch} tiles</source>
        <translation>{batch_size!r} muss eine ganze Zahl von 1 bis {max_batch} Kacheln sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="98"/>
        <source>{device!r} is not one of {devices}</source>
        <translation>{device!r} ist keiner der Werte {devices}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="103"/>
        <source>{precision!r} is not one of {precisions}</source>
        <translation>{precision!r} ist keiner der Werte {precisions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="107"/>
        <source>&apos;fp16&apos; needs a CUDA GPU; on the CPU use &apos;bf16&apos; or &apos;fp32&apos;</source>
        <translation>'fp16' benötigt eine CUDA-GPU; verwenden Sie auf der CPU 'bf16' oder 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="111"/>
        <source>{runtime!r} is not one of {runtimes}</source>
        <translation>{runtime!r} ist keiner der Werte {runtimes}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="116"/>
        <source>&apos;openvino&apos; runs on the CPU only, not {device}; choose the device CPU or the runtime Auto</source>
        <translation>'openvino' läuft nur auf der CPU, nicht auf {device}; wählen Sie das Gerät CPU oder die Laufzeitumgebung Automatisch</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="135"/>
        <source>{blend!r} is not one of &apos;smooth&apos;, &apos;crop&apos;</source>
        <translation>{blend!r} ist keiner der Werte 'smooth', 'crop'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="138"/>
        <source>{confidence_type!r} is not one of &apos;float32&apos;, &apos;uint8&apos;</source>
        <translation>{confidence_type!r} ist keiner der Werte 'float32', 'uint8'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="142"/>
        <source>{min_area} must be 0 or more square metres</source>
        <translation>{min_area} muss 0 oder mehr Quadratmeter betragen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="145"/>
        <source>{simplify} must be 0 or more map units</source>
        <translation>{simplify} muss 0 oder mehr Karteneinheiten betragen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="154"/>
        <source>{chunk_size!r} must be a whole number of at least {min_tile} pixels (default {default_chunk_px})</source>
        <translation>{chunk_size!r} muss eine ganze Zahl von mindestens {min_tile} Pixeln sein (Vorgabe {default_chunk_px})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="165"/>
        <source>the TLS file {path} ({name}) does not exist; give the files of the certificates made for this cluster</source>
        <translation>die TLS-Datei {path} ({name}) existiert nicht; geben Sie die Dateien der Zertifikate an, die für diesen Cluster erstellt wurden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="182"/>
        <source>{path} is the input raster; choose another file name so the input is kept</source>
        <translation>{path} ist das Eingaberaster; wählen Sie einen anderen Dateinamen, damit die Eingabe erhalten bleibt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="186"/>
        <source>{path} is also the {seen}; give each output its own file</source>
        <translation>{path} wird bereits für {seen} verwendet; geben Sie jeder Ausgabe eine eigene Datei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="191"/>
        <source>{path} is not a {what} file name; RemoteNet writes {what} ({extensions}): change the file name&apos;s extension</source>
        <translation>{path} ist kein {what}-Dateiname; RemoteNet schreibt {what} ({extensions}): ändern Sie die Dateiendung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="196"/>
        <source>{path}: the folder {folder} does not exist; create it or choose another</source>
        <translation>{path}: der Ordner {folder} existiert nicht; legen Sie ihn an oder wählen Sie einen anderen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="200"/>
        <source>{path}: the folder {folder} is not writable; choose another place</source>
        <translation>{path}: in den Ordner {folder} kann nicht geschrieben werden; wählen Sie einen anderen Ort</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="254"/>
        <source>{source} refers to {path}, which does not exist; restore that file or rebuild the virtual raster</source>
        <translation>{source} verweist auf {path}, das nicht existiert; stellen Sie diese Datei wieder her oder erstellen Sie das virtuelle Raster neu</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="265"/>
        <source>band {repeated} is chosen more than once ({chosen}); choose each band once, in the order the model takes them</source>
        <translation>Kanal {repeated} ist mehrfach gewählt ({chosen}); wählen Sie jeden Kanal nur einmal, in der Reihenfolge, in der das Modell sie erwartet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="280"/>
        <source>{extent} is {value:g} x {value2:g} map units, smaller than one pixel ({pixel_w:g} x {pixel_h:g}); give an extent of at least one pixel in the raster&apos;s CRS</source>
        <translation>{extent} ist {value:g} x {value2:g} Karteneinheiten groß und damit kleiner als ein Pixel ({pixel_w:g} x {pixel_h:g}); geben Sie eine Ausdehnung von mindestens einem Pixel im KBS des Rasters an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="94"/>
        <source>chunk {rect} is not inside the {width} x {height} class raster {classes_path}</source>
        <translation>Block {rect} liegt nicht innerhalb des {width} x {height} großen Klassenrasters {classes_path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="114"/>
        <source>{path}: cannot open the class raster ({gdal_error})</source>
        <translation>{path}: das Klassenraster kann nicht geöffnet werden ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="147"/>
        <source>sieving chunk {rect} failed: {gdal_error}</source>
        <translation>Sieben von Block {rect} fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="162"/>
        <source>polygonising chunk {rect} failed: {gdal_error}</source>
        <translation>Polygonisieren von Block {rect} fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="314"/>
        <source>burning polygon ids failed: {gdal_error}</source>
        <translation>Einbrennen der Polygon-IDs fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="184"/>
        <source>{confidence_path}: cannot open the confidence raster ({gdal_error})</source>
        <translation>{confidence_path}: das Konfidenzraster kann nicht geöffnet werden ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="213"/>
        <source>{piece_path}: cannot create the polygon piece ({gdal_error}); check the work folder is writable and has space</source>
        <translation>{piece_path}: die Polygon-Teildatei kann nicht erstellt werden ({gdal_error}); prüfen Sie, ob der Arbeitsordner beschreibbar ist und genug Platz hat</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="246"/>
        <source>{piece_path}: writing the polygon piece failed ({gdal_error})</source>
        <translation>{piece_path}: Schreiben der Polygon-Teildatei fehlgeschlagen ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="387"/>
        <source>{path}: cannot read the polygon piece ({gdal_error})</source>
        <translation>{path}: die Polygon-Teildatei kann nicht gelesen werden ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="437"/>
        <source>{pieces}: polygon {fid} is missing from the piece</source>
        <translation>{pieces}: Polygon {fid} fehlt in der Teildatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="473"/>
        <source>merging {members_count} polygons across chunk seams failed: {gdal_error}</source>
        <translation>Zusammenführen von {members_count} Polygonen über Blockgrenzen hinweg fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_task.py" line="107"/>
        <source>Dask worker {worker_address}: {detail} (every worker must be able to open the same paths: use a shared file system, or a GDAL /vsi path for the input)</source>
        <translation>Dask-Worker {worker_address}: {detail} (jeder Worker muss dieselben Pfade öffnen können: verwenden Sie ein gemeinsames Dateisystem oder einen GDAL-/vsi-Pfad für die Eingabe)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_task.py" line="160"/>
        <source>Dask worker {where}: {detail}</source>
        <translation>Dask-Worker {where}: {detail}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="102"/>
        <source>a run on a Dask scheduler needs a model file every worker can open, not an in-memory model</source>
        <translation>ein Lauf auf einem Dask-Scheduler benötigt eine Modelldatei, die jeder Worker öffnen kann, kein Modell im Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="233"/>
        <source>the network returned shape {shape} for tiles of {shape2}; expected {num_classes} classes at the tile&apos;s size (the header&apos;s classes must match the network)</source>
        <translation>das Netz lieferte die Form {shape} für Kacheln der Form {shape2}; erwartet wurden {num_classes} Klassen in der Größe der Kachel (die Klassen im Header müssen zum Netz passen)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="44"/>
        <source>a Dask scheduler was given but dask.distributed is not installed in this Python; install it with `pip install &quot;dask[distributed]&quot;`, or leave the scheduler empty to run in this process</source>
        <translation>ein Dask-Scheduler wurde angegeben, aber dask.distributed ist in diesem Python nicht installiert; installieren Sie es mit `pip install &quot;dask[distributed]&quot;` oder lassen Sie den Scheduler leer, um in diesem Prozess zu rechnen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="56"/>
        <source>{address} is not a Dask scheduler address; give tcp://host:port or tls://host:port</source>
        <translation>{address} ist keine Dask-Scheduler-Adresse; geben Sie tcp://host:port oder tls://host:port an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="62"/>
        <source>{address} has no port; give tcp://host:port (a Dask scheduler listens on 8786 unless told otherwise)</source>
        <translation>{address} hat keinen Port; geben Sie tcp://host:port an (ein Dask-Scheduler lauscht auf 8786, sofern nicht anders eingestellt)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="57"/>
        <source>cannot connect to {address}: {err}. A tls:// scheduler needs this cluster&apos;s CA certificate, a client certificate and its key: give them (command line: --tls-ca-file, --tls-cert, --tls-key), or set DASK_DISTRIBUTED__COMM__TLS__CA_FILE and DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT/KEY</source>
        <translation>keine Verbindung zu {address}: {err}. Ein tls://-Scheduler benötigt das CA-Zertifikat dieses Clusters, ein Client-Zertifikat und dessen Schlüssel: geben Sie diese an (Kommandozeile: --tls-ca-file, --tls-cert, --tls-key) oder setzen Sie DASK_DISTRIBUTED__COMM__TLS__CA_FILE und DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT/KEY</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="64"/>
        <source>cannot reach the Dask scheduler at {address} within {connect_timeout_s} s ({err}); check the address and that `dask scheduler` is running there</source>
        <translation>der Dask-Scheduler unter {address} ist innerhalb von {connect_timeout_s} s nicht erreichbar ({err}); prüfen Sie die Adresse und ob dort `dask scheduler` läuft</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="85"/>
        <source>cannot open the classified raster {classified}: {err}</source>
        <translation>das klassifizierte Raster {classified} kann nicht geöffnet werden: {err}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="109"/>
        <source>{classified} holds values outside 0..255: not a classified raster</source>
        <translation>{classified} enthält Werte außerhalb von 0..255: kein klassifiziertes Raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="125"/>
        <source>no pixel is both labelled in the reference and classified: the reference does not overlap the classified raster (or one of them is all nodata)</source>
        <translation>kein Pixel ist in der Referenz gelabelt und zugleich klassifiziert: die Referenz überlappt das klassifizierte Raster nicht (oder eines von beiden besteht nur aus Leerwerten)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="161"/>
        <source>the reference polygons do not overlap the classified raster: they cover {extent_text}, the raster covers {extent_text2} (in the raster&apos;s CRS)</source>
        <translation>die Referenzpolygone überlappen das klassifizierte Raster nicht: sie decken {extent_text} ab, das Raster deckt {extent_text2} ab (im KBS des Rasters)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="168"/>
        <source>{path} is a raster: its pixel values are the classes, so it takes no class field</source>
        <translation>{path} ist ein Raster: seine Pixelwerte sind die Klassen, daher braucht es kein Klassenfeld</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="176"/>
        <source>the reference raster is on another grid than the classified raster and one of them has no CRS; give both a CRS</source>
        <translation>das Referenzraster liegt auf einem anderen Gitter als das klassifizierte Raster, und eines von beiden hat kein KBS; weisen Sie beiden ein KBS zu</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/files.py" line="72"/>
        <source>cannot move the outputs into place ({err}); check the output folder</source>
        <translation>die Ausgaben können nicht an ihren Platz verschoben werden ({err}); prüfen Sie den Ausgabeordner</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="36"/>
        <source>precision {precision!r} is not one of {precisions}</source>
        <translation>Präzision {precision!r} ist keiner der Werte {precisions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="47"/>
        <source>precision &apos;fp16&apos; needs a CUDA GPU; on the CPU use &apos;bf16&apos; or &apos;fp32&apos;</source>
        <translation>Präzision 'fp16' benötigt eine CUDA-GPU; verwenden Sie auf der CPU 'bf16' oder 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="209"/>
        <source>the GPU ran out of memory on a single tile; choose a smaller tile size or the CPU</source>
        <translation>der GPU ist schon bei einer einzelnen Kachel der Speicher ausgegangen; wählen Sie eine kleinere Kachelgröße oder die CPU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="55"/>
        <source>{path} is a raster: its pixel values are the classes, so it takes no class field (got {class_field!r})</source>
        <translation>{path} ist ein Raster: seine Pixelwerte sind die Klassen, daher braucht es kein Klassenfeld (angegeben: {class_field!r})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="72"/>
        <source>{path} is on another grid than the image and one of them has no CRS; give both a CRS (or put the labels on the image grid)</source>
        <translation>{path} liegt auf einem anderen Gitter als das Bild, und eines von beiden hat kein KBS; weisen Sie beiden ein KBS zu (oder legen Sie die Labels auf das Gitter des Bildes)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="103"/>
        <source>label raster values must be whole numbers 0..254 (255 = unlabelled); found {tolist}</source>
        <translation>die Werte eines Labelrasters müssen ganze Zahlen von 0..254 sein (255 = ohne Label); gefunden: {tolist}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="161"/>
        <source>{path}: no polygon with a class to rasterise{value}</source>
        <translation>{path}: kein Polygon mit einer Klasse zum Rasterisieren{value}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="180"/>
        <source>class values must be 0..254 (255 = unlabelled); {class_field!r} holds {used}</source>
        <translation>Klassenwerte müssen 0..254 sein (255 = ohne Label); {class_field!r} enthält {used}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="194"/>
        <source>class names {unknown} in {class_field!r} are not classes of the classified raster ({name_to_value})</source>
        <translation>die Klassennamen {unknown} in {class_field!r} sind keine Klassen des klassifizierten Rasters ({name_to_value})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="240"/>
        <source>{path}: cannot open the labels as a vector layer ({err})</source>
        <translation>{path}: die Labels können nicht als Vektorlayer geöffnet werden ({err})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="244"/>
        <source>{path}: no vector layer to read labels from</source>
        <translation>{path}: kein Vektorlayer, aus dem Labels gelesen werden können</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="248"/>
        <source>{path}: no layer named {layer_name!r}</source>
        <translation>{path}: kein Layer namens {layer_name!r}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="260"/>
        <source>the labels have no field {class_field!r}; fields: {fields}</source>
        <translation>die Labels haben kein Feld {class_field!r}; Felder: {fields}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="283"/>
        <source>class field {class_field!r} holds {key}: numeric classes must be whole numbers 0..254</source>
        <translation>das Klassenfeld {class_field!r} enthält {key}: numerische Klassen müssen ganze Zahlen von 0..254 sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="317"/>
        <source>the raster has no CRS but the labels do; assign the raster a CRS first</source>
        <translation>das Raster hat kein KBS, die Labels aber schon; weisen Sie dem Raster zuerst ein KBS zu</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="330"/>
        <source>{path}: cannot reproject the labels onto the raster&apos;s CRS ({err}); reproject them first</source>
        <translation>{path}: die Labels können nicht in das KBS des Rasters reprojiziert werden ({err}); reprojizieren Sie sie zuerst</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="349"/>
        <source>labels {path}: no such file</source>
        <translation>Labels {path}: Datei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="365"/>
        <source>labels {path}: neither a raster nor a vector layer GDAL can read</source>
        <translation>Labels {path}: weder ein Raster- noch ein Vektorlayer, den GDAL lesen kann</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/base/options.py" line="18"/>
        <source>&apos;openvino&apos; was asked for but OpenVINO is not installed in this Python; install it with `pip install openvino`, or choose the runtime Auto or PyTorch</source>
        <translation>'openvino' wurde angefordert, aber OpenVINO ist in diesem Python nicht installiert; installieren Sie es mit `pip install openvino` oder wählen Sie die Laufzeitumgebung Automatisch oder PyTorch</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="62"/>
        <source>cannot project a polygon to compute its area in m2</source>
        <translation>ein Polygon kann nicht projiziert werden, um seine Fläche in m2 zu berechnen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="109"/>
        <source>{path}: cannot create a working raster ({gdal_error})</source>
        <translation>{path}: ein Arbeitsraster kann nicht erstellt werden ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="200"/>
        <source>polygonising failed: {gdal_error}</source>
        <translation>Polygonisieren fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="247"/>
        <source>{out_path}: cannot create the GeoPackage ({gdal_error})</source>
        <translation>{out_path}: das GeoPackage kann nicht erstellt werden ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/qml.py" line="64"/>
        <source>{path}: cannot write ({err}); choose a writable folder</source>
        <translation>{path}: Schreiben nicht möglich ({err}); wählen Sie einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="32"/>
        <source>model must be a model file path or a (torch module, header dict) pair</source>
        <translation>model muss der Pfad einer Modelldatei oder ein Paar (torch-Modul, Header-Dict) sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="61"/>
        <source>runtime {missing} ({err})</source>
        <translation>Laufzeitumgebung {missing} ({err})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="259"/>
        <source>the OpenVINO cache folder {parent} is not writable ({err}); set {cache_env} to a writable folder</source>
        <translation>der OpenVINO-Cache-Ordner {parent} ist nicht beschreibbar ({err}); setzen Sie {cache_env} auf einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="393"/>
        <source>tiles of shape {shape} reached an OpenVINO network converted for {shape2}</source>
        <translation>Kacheln der Form {shape} sind bei einem OpenVINO-Netz angekommen, das für {shape2} konvertiert wurde</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/runtimes.py" line="28"/>
        <source>runtime &apos;openvino&apos; runs on the CPU only, not {type}; choose device &apos;cpu&apos; or runtime Auto</source>
        <translation>die Laufzeitumgebung 'openvino' läuft nur auf der CPU, nicht auf {type}; wählen Sie das Gerät 'cpu' oder die Laufzeitumgebung Automatisch</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="35"/>
        <source>{path} cannot be opened as a raster: there is no such file; check the path</source>
        <translation>{path} kann nicht als Raster geöffnet werden: die Datei existiert nicht; prüfen Sie den Pfad</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="39"/>
        <source>{path} cannot be opened as a raster ({msg}); choose a raster file GDAL can read</source>
        <translation>{path} kann nicht als Raster geöffnet werden ({msg}); wählen Sie eine Rasterdatei, die GDAL lesen kann</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="57"/>
        <source>the raster has {count} band(s) (1..{count}); it has no band {bad}; choose bands that exist</source>
        <translation>das Raster hat {count} Kanal/Kanäle (1..{count}); einen Kanal {bad} hat es nicht; wählen Sie vorhandene Kanäle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="61"/>
        <source>the model takes {needed} band(s) ({described}) but {chosen_count} were chosen; choose exactly {needed}</source>
        <translation>das Modell erwartet {needed} Kanal/Kanäle ({described}), aber {chosen_count} wurden gewählt; wählen Sie genau {needed}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="67"/>
        <source>the model expects {needed} band(s) ({described}) but the raster has {count}; choose {needed} of its bands, or use a model made for {count}-band imagery</source>
        <translation>das Modell erwartet {needed} Kanal/Kanäle ({described}), aber das Raster hat {count}; wählen Sie {needed} seiner Kanäle oder verwenden Sie ein Modell für {count}-Kanal-Bilder</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="75"/>
        <source>band {b} has data type {dtype}, which is not supported; convert it to a real type first (gdal_translate -ot Float32)</source>
        <translation>Kanal {b} hat den Datentyp {dtype}, der nicht unterstützt wird; wandeln Sie ihn zuerst in einen reellen Typ um (gdal_translate -ot Float32)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="86"/>
        <source>give either a pixel window or a map extent, not both</source>
        <translation>geben Sie entweder ein Pixelfenster oder eine Kartenausdehnung an, nicht beides</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="90"/>
        <source>{window} must be (xoff, yoff, xsize, ysize)</source>
        <translation>{window} muss (xoff, yoff, xsize, ysize) sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="94"/>
        <source>{window}: xsize and ysize must be at least 1</source>
        <translation>{window}: xsize und ysize müssen mindestens 1 sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="98"/>
        <source>{window} does not intersect the raster ({width} x {height} pixels)</source>
        <translation>{window} schneidet das Raster nicht ({width} x {height} Pixel)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="109"/>
        <source>{extent} must be (xmin, ymin, xmax, ymax)</source>
        <translation>{extent} muss (xmin, ymin, xmax, ymax) sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="113"/>
        <source>{extent} is empty: need xmin &lt; xmax and ymin &lt; ymax</source>
        <translation>{extent} ist leer: erforderlich sind xmin &lt; xmax und ymin &lt; ymax</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="118"/>
        <source>the raster has no georeferencing, so a map extent cannot be placed on it; give a pixel window instead</source>
        <translation>das Raster hat keine Georeferenzierung, daher lässt sich keine Kartenausdehnung darauf legen; geben Sie stattdessen ein Pixelfenster an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="133"/>
        <source>{extent} does not overlap the raster; choose an extent inside it (in the raster&apos;s CRS), or none for the whole raster</source>
        <translation>{extent} überlappt das Raster nicht; wählen Sie eine Ausdehnung innerhalb des Rasters (im KBS des Rasters) oder keine für das ganze Raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="216"/>
        <source>reading the nodata mask failed: {gdal_error}{read_hint}</source>
        <translation>Lesen der Leerwertmaske fehlgeschlagen: {gdal_error}{read_hint}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="226"/>
        <source>reading pixels failed at ({x}, {y}): {gdal_error}{read_hint}</source>
        <translation>Lesen der Pixel bei ({x}, {y}) fehlgeschlagen: {gdal_error}{read_hint}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="70"/>
        <source>the labels hold only one class ({only}); a segmentation model needs at least two. For footprints of one kind, leave the class field empty or ask for a background class.</source>
        <translation>die Labels enthalten nur eine Klasse ({only}); ein Segmentierungsmodell braucht mindestens zwei. Für Grundrisse einer einzigen Art lassen Sie das Klassenfeld leer oder fordern Sie eine Hintergrundklasse an.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="84"/>
        <source>the raster (window) is {width} x {height} pixels; training needs at least 32 x 32</source>
        <translation>das Raster (Fenster) ist {width} x {height} Pixel groß; das Training braucht mindestens 32 x 32</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="345"/>
        <source>every training pixel is nodata</source>
        <translation>alle Trainingspixel sind Leerwerte</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="368"/>
        <source>cannot open the raster {path}: {err}</source>
        <translation>das Raster {path} kann nicht geöffnet werden: {err}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="371"/>
        <source>{path} is not a raster with bands</source>
        <translation>{path} ist kein Raster mit Kanälen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="379"/>
        <source>bands {bad} do not exist: the raster has {rastercount} (1-based)</source>
        <translation>die Kanäle {bad} existieren nicht: das Raster hat {rastercount} (ab 1 gezählt)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="390"/>
        <source>window {window} is not inside the {rasterxsize} x {rasterysize} raster</source>
        <translation>das Fenster {window} liegt nicht innerhalb des Rasters ({rasterxsize} x {rasterysize})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/work_folder.py" line="72"/>
        <source>cannot create the work folder {path} ({err}); check the output folder is writable and has space</source>
        <translation>der Arbeitsordner {path} kann nicht erstellt werden ({err}); prüfen Sie, ob der Ausgabeordner beschreibbar ist und genug Platz hat</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="35"/>
        <source>{path}: cannot create the GeoTIFF ({gdal_error}); check the folder is writable and has space</source>
        <translation>{path}: das GeoTIFF kann nicht erstellt werden ({gdal_error}); prüfen Sie, ob der Ordner beschreibbar ist und genug Platz hat</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="128"/>
        <source>writing the classified raster failed: {gdal_error}</source>
        <translation>Schreiben des klassifizierten Rasters fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="161"/>
        <source>writing the confidence raster failed: {gdal_error}</source>
        <translation>Schreiben des Konfidenzrasters fehlgeschlagen: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="24"/>
        <source>{name!r} was asked for but PyTorch sees no CUDA GPU here; use &apos;auto&apos; or &apos;cpu&apos;</source>
        <translation>{name!r} wurde angefordert, aber PyTorch findet hier keine CUDA-GPU; verwenden Sie 'auto' oder 'cpu'</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="29"/>
        <source>{name!r}: only {device_count} CUDA device(s) exist</source>
        <translation>{name!r}: es gibt nur {device_count} CUDA-Gerät(e)</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="33"/>
        <source>{name!r} is not one of &apos;auto&apos;, &apos;cuda&apos;, &apos;cuda:N&apos;, &apos;cpu&apos;</source>
        <translation>{name!r} ist keiner der Werte 'auto', 'cuda', 'cuda:N', 'cpu'</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="43"/>
        <source>encoder {name!r} is not supported; choose one of {encoders}</source>
        <translation>der Encoder {name!r} wird nicht unterstützt; wählen Sie einen von {encoders}</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="80"/>
        <source>Could not fetch ImageNet weights for the {name} encoder ({name2}: {err}). This needs network access to the Hugging Face hub, or the weights already in the local cache (HF_HOME). Build the model with pretrained_encoder=False to start from random weights instead, or give a local weights file (encoder_weights).</source>
        <translation>ImageNet-Gewichte für den Encoder {name} konnten nicht abgerufen werden ({name2}: {err}). Dafür ist Netzwerkzugriff auf den Hugging Face Hub nötig, oder die Gewichte müssen bereits im lokalen Cache (HF_HOME) liegen. Erstellen Sie das Modell mit pretrained_encoder=False, um stattdessen mit zufälligen Gewichten zu beginnen, oder geben Sie eine lokale Gewichtsdatei an (encoder_weights).</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="91"/>
        <source>encoder {name!r} gives strides {reductions}, not {expected_reductions}</source>
        <translation>der Encoder {name!r} liefert die Schrittweiten {reductions}, nicht {expected_reductions}</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="31"/>
        <source>{path}: no such encoder weights file</source>
        <translation>{path}: Encoder-Gewichtsdatei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="91"/>
        <source>{path}: unreadable .safetensors file ({err}); is it truncated?</source>
        <translation>{path}: nicht lesbare .safetensors-Datei ({err}); ist sie unvollständig?</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="47"/>
        <source>{path}: refused to load: the file holds Python objects other than weights, which could run code; save a plain state_dict or a .safetensors file</source>
        <translation>{path}: Laden verweigert: die Datei enthält außer Gewichten Python-Objekte, die Code ausführen könnten; speichern Sie ein reines state_dict oder eine .safetensors-Datei</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="51"/>
        <source>{path}: neither a .safetensors file nor a readable PyTorch checkpoint ({name}: {err})</source>
        <translation>{path}: weder eine .safetensors-Datei noch ein lesbarer PyTorch-Checkpoint ({name}: {err})</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="59"/>
        <source>{path}: the file is not a state_dict of tensors</source>
        <translation>{path}: die Datei ist kein state_dict aus Tensoren</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="91"/>
        <source>{path}: not timm {name} weights: {parts}. Give the state_dict of timm&apos;s {name}, or choose the encoder these weights belong to</source>
        <translation>{path}: keine timm-Gewichte für {name}: {parts}. Geben Sie das state_dict von timms {name} an oder wählen Sie den Encoder, zu dem diese Gewichte gehören</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="102"/>
        <source>{path}: {key} has shape {shape} where timm {name} has {shape2}; these are weights of another variant</source>
        <translation>{path}: {key} hat die Form {shape}, wo timm {name} {shape2} hat; das sind Gewichte einer anderen Variante</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="110"/>
        <source>{path}: the first convolution ({first_conv}) takes {shape} bands; only 3-band weights can be adapted to {in_channels} bands</source>
        <translation>{path}: die erste Faltung ({first_conv}) nimmt {shape} Kanäle; nur Gewichte für 3 Kanäle lassen sich auf {in_channels} Kanäle anpassen</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="145"/>
        <source>{path}: cannot place encoder weight {key} (timm layout changed?)</source>
        <translation>{path}: das Encoder-Gewicht {key} lässt sich nicht zuordnen (hat sich der Aufbau von timm geändert?)</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="155"/>
        <source>the {name} encoder has no {key}; timm&apos;s layout changed</source>
        <translation>der Encoder {name} hat kein {key}; der Aufbau von timm hat sich geändert</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="47"/>
        <source>{path}: no such model file</source>
        <translation>{path}: Modelldatei nicht gefunden</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="50"/>
        <source>{path}: {value:.1f} GB is far larger than a RemoteNet model (about 55 MB); choose the .safetensors file written by RemoteNet Train</source>
        <translation>{path}: {value:.1f} GB ist weit größer als ein RemoteNet-Modell (etwa 55 MB); wählen Sie die .safetensors-Datei, die RemoteNet Trainieren geschrieben hat</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="62"/>
        <source>{path}: not a model file (neither .safetensors nor a PyTorch checkpoint)</source>
        <translation>{path}: keine Modelldatei (weder .safetensors noch ein PyTorch-Checkpoint)</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="72"/>
        <source>{path}: not a readable PyTorch checkpoint ({err}); the file may be truncated</source>
        <translation>{path}: kein lesbarer PyTorch-Checkpoint ({err}); die Datei ist möglicherweise unvollständig</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="79"/>
        <source>{path}: refused: this archive would expand to {value:.0f} MB (a PyTorch checkpoint is stored uncompressed); it is not a RemoteNet model</source>
        <translation>{path}: verweigert: dieses Archiv würde entpackt {value:.0f} MB groß (ein PyTorch-Checkpoint wird unkomprimiert gespeichert); es ist kein RemoteNet-Modell</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="90"/>
        <source>{path}: unreadable .safetensors file (its header claims {length} bytes); the file is truncated or damaged: copy or download it again</source>
        <translation>{path}: nicht lesbare .safetensors-Datei (ihr Header gibt {length} Bytes an); die Datei ist unvollständig oder beschädigt: kopieren Sie sie erneut oder laden Sie sie erneut herunter</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="95"/>
        <source>{path}: the .safetensors header is cut short; the file is truncated: copy or download it again</source>
        <translation>{path}: der .safetensors-Header ist abgeschnitten; die Datei ist unvollständig: kopieren Sie sie erneut oder laden Sie sie erneut herunter</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="105"/>
        <source>{path}: the .safetensors header nests too deeply to be a model file; choose a file written by RemoteNet</source>
        <translation>{path}: der .safetensors-Header ist für eine Modelldatei zu tief verschachtelt; wählen Sie eine von RemoteNet geschriebene Datei</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="110"/>
        <source>{path}: this .safetensors file has no &apos;{metadata_key}&apos; header; it was not written by remotenet.model.save_model</source>
        <translation>{path}: diese .safetensors-Datei hat keinen Header '{metadata_key}'; sie wurde nicht von remotenet.model.save_model geschrieben</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="114"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not a JSON text of at most {value} kB; the file is damaged or not a RemoteNet model</source>
        <translation>{path}: der Header '{metadata_key}' ist kein JSON-Text von höchstens {value} kB; die Datei ist beschädigt oder kein RemoteNet-Modell</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="121"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not valid JSON ({err})</source>
        <translation>{path}: der Header '{metadata_key}' ist kein gültiges JSON ({err})</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="125"/>
        <source>{path}: the &apos;{metadata_key}&apos; header nests too deeply; the file is damaged or not a RemoteNet model</source>
        <translation>{path}: der Header '{metadata_key}' ist zu tief verschachtelt; die Datei ist beschädigt oder kein RemoteNet-Modell</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="129"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not a JSON object</source>
        <translation>{path}: der Header '{metadata_key}' ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="135"/>
        <source>{path}: {err}</source>
        <translation>{path}: {err}</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="158"/>
        <source>{path}: {err}; the header contradicts the weights: re-save the model with remotenet.model.save_model</source>
        <translation>{path}: {err}; der Header widerspricht den Gewichten: speichern Sie das Modell erneut mit remotenet.model.save_model</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="138"/>
        <source>band entry {band!r} is neither a name, a 1-based index nor a dict</source>
        <translation>der Kanaleintrag {band!r} ist weder ein Name noch ein Index (ab 1) noch ein Dict</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="156"/>
        <source>model header: {msg}</source>
        <translation>Modell-Header: {msg}</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="55"/>
        <source>{path}: model files are written as .safetensors; use that extension</source>
        <translation>{path}: Modelldateien werden als .safetensors geschrieben; verwenden Sie diese Endung</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="59"/>
        <source>weight storage {storage!r} is not one of {storages}</source>
        <translation>das Speicherformat der Gewichte {storage!r} ist keiner der Werte {storages}</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="129"/>
        <source>{path}: {err}; the header contradicts the weights</source>
        <translation>{path}: {err}; der Header widerspricht den Gewichten</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="144"/>
        <source>{path}: the weights cannot be read ({err}); the file may be truncated: copy or download it again</source>
        <translation>{path}: die Gewichte können nicht gelesen werden ({err}); die Datei ist möglicherweise unvollständig: kopieren Sie sie erneut oder laden Sie sie erneut herunter</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="150"/>
        <source>{path}: {err}; the file is damaged or was not written by save_model</source>
        <translation>{path}: {err}; die Datei ist beschädigt oder wurde nicht von save_model geschrieben</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="159"/>
        <source>{path}: refused to load: the checkpoint holds Python objects other than weights, which could run code. Re-save it as a plain state_dict, or convert it to .safetensors.</source>
        <translation>{path}: Laden verweigert: der Checkpoint enthält außer Gewichten Python-Objekte, die Code ausführen könnten. Speichern Sie ihn erneut als reines state_dict oder konvertieren Sie ihn in .safetensors.</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="165"/>
        <source>{path}: not a readable PyTorch checkpoint ({name}: {err}); the file may be truncated or not a model</source>
        <translation>{path}: kein lesbarer PyTorch-Checkpoint ({name}: {err}); die Datei ist möglicherweise unvollständig oder kein Modell</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="173"/>
        <source>{path}: the checkpoint is not a state_dict of tensors</source>
        <translation>{path}: der Checkpoint ist kein state_dict aus Tensoren</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="183"/>
        <source>{path}: the weights hold NaN or infinite values (first in {name}); the model is damaged, for example by a training that diverged: use another model file</source>
        <translation>{path}: die Gewichte enthalten NaN- oder unendliche Werte (zuerst in {name}); das Modell ist beschädigt, zum Beispiel durch ein divergiertes Training: verwenden Sie eine andere Modelldatei</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="194"/>
        <source>{path}: these weights are not a RemoteNet ({head_key} or an encoder&apos;s first convolution ({first_conv_keys}) missing); they belong to another architecture</source>
        <translation>{path}: diese Gewichte sind kein RemoteNet ({head_key} oder die erste Faltung eines Encoders ({first_conv_keys}) fehlt); sie gehören zu einer anderen Architektur</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="223"/>
        <source>{path}: the weights do not fit RemoteNet ({architecture}): {details}.{hint} Choose a model saved by this plugin&apos;s RemoteNet (Train or remotenet.model.save_model).</source>
        <translation>{path}: die Gewichte passen nicht zu RemoteNet ({architecture}): {details}.{hint} Wählen Sie ein Modell, das mit dem RemoteNet dieses Plugins gespeichert wurde (Trainieren oder remotenet.model.save_model).</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="97"/>
        <source>set epochs, max_minutes or max_steps: nothing would stop the training</source>
        <translation>setzen Sie epochs, max_minutes oder max_steps: sonst würde nichts das Training beenden</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="102"/>
        <source>{name} must not be negative (got {value})</source>
        <translation>{name} darf nicht negativ sein (angegeben: {value})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="105"/>
        <source>batch_size must be at least 1 (got {batch_size})</source>
        <translation>batch_size muss mindestens 1 sein (angegeben: {batch_size})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="108"/>
        <source>lr must be positive (got {lr})</source>
        <translation>lr muss positiv sein (angegeben: {lr})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="110"/>
        <source>encoder_lr_ratio must be positive (got {encoder_lr_ratio})</source>
        <translation>encoder_lr_ratio muss positiv sein (angegeben: {encoder_lr_ratio})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="122"/>
        <source>encoder {encoder!r} is not supported; choose one of {encoders}</source>
        <translation>der Encoder {encoder!r} wird nicht unterstützt; wählen Sie einen von {encoders}</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="126"/>
        <source>pretrained_encoder (download) and encoder_weights (a local file) both ask for starting weights; set only one</source>
        <translation>pretrained_encoder (Download) und encoder_weights (eine lokale Datei) fordern beide Startgewichte an; setzen Sie nur eines davon</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="25"/>
        <source>device {err}</source>
        <translation>Gerät {err}</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="54"/>
        <source>training and validation chips have different band counts</source>
        <translation>Trainings- und Validierungsausschnitte haben unterschiedlich viele Kanäle</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="58"/>
        <source>normalisation has {mean_count} means for {in_channels} bands</source>
        <translation>die Normalisierung hat {mean_count} Mittelwerte für {in_channels} Kanäle</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="49"/>
        <source>encoder weights: {err}</source>
        <translation>Encoder-Gewichte: {err}</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="51"/>
        <source>the given model&apos;s classes or bands do not match the chips</source>
        <translation>die Klassen oder Kanäle des angegebenen Modells passen nicht zu den Ausschnitten</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="196"/>
        <source>{what} chips must be images (N, C, H, W) and labels (N, H, W); got {shape} and {shape2}</source>
        <translation>Ausschnitte ({what}) müssen Bilder (N, C, H, W) und Labels (N, H, W) sein; erhalten: {shape} und {shape2}</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="201"/>
        <source>{what} images {shape} and labels {shape2} do not match</source>
        <translation>Bilder {shape} und Labels {shape2} ({what}) passen nicht zusammen</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="205"/>
        <source>there are no {what} chips</source>
        <translation>es gibt keine Ausschnitte ({what})</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="209"/>
        <source>{what} labels hold class indices {tolist} but there are {num_classes} classes</source>
        <translation>die Labels ({what}) enthalten die Klassenindizes {tolist}, es gibt aber nur {num_classes} Klassen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="292"/>
        <source>the raster has no georeferencing: the outputs have none either (pixel coordinates), and polygon areas are in square pixels</source>
        <translation>das Raster hat keine Georeferenzierung: die Ausgaben haben auch keine (Pixelkoordinaten), und Polygonflächen sind in Quadratpixeln angegeben</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="296"/>
        <source>the raster&apos;s geotransform is rotated or sheared: it is classified in pixel space and the outputs keep the same rotated geotransform</source>
        <translation>die Geotransformation des Rasters ist gedreht oder geschert: es wird im Pixelraum klassifiziert, und die Ausgaben behalten dieselbe gedrehte Geotransformation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="300"/>
        <source>the raster has no CRS: the outputs have no CRS either, and polygon areas are in map units squared</source>
        <translation>das Raster hat kein KBS: die Ausgaben haben auch keines, und Polygonflächen sind in quadrierten Karteneinheiten angegeben</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="305"/>
        <source>floating-point bands: NaN and +-inf pixels are treated as nodata</source>
        <translation>Gleitkomma-Kanäle: Pixel mit NaN und +-inf werden als Leerwert behandelt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="307"/>
        <source>signed integer bands: negative values are scaled like any other with the model header&apos;s offset and scale</source>
        <translation>Kanäle mit vorzeichenbehafteten Ganzzahlen: negative Werte werden wie alle anderen mit Offset und Skalierung aus dem Modell-Header skaliert</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="311"/>
        <source>the raster has a colour table: the model is fed the palette indices, not the colours; expand it to RGB first (gdal_translate -expand rgb) if the model was trained on colour imagery</source>
        <translation>das Raster hat eine Farbtabelle: das Modell erhält die Palettenindizes, nicht die Farben; wandeln Sie es zuerst in RGB um (gdal_translate -expand rgb), wenn das Modell auf Farbbildern trainiert wurde</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="316"/>
        <source>the raster is {width} x {height} pixels, 1 pixel thin: tiles are 1 pixel thin too</source>
        <translation>das Raster ist {width} x {height} Pixel groß und nur 1 Pixel schmal: die Kacheln sind ebenfalls 1 Pixel schmal</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="320"/>
        <source>the tile size {tile_size} is larger than the processed area ({width} x {height}): tiles are cut to {tile_size2} x {tile_size3} pixels</source>
        <translation>die Kachelgröße {tile_size} ist größer als der verarbeitete Bereich ({width} x {height}): die Kacheln werden auf {tile_size2} x {tile_size3} Pixel zugeschnitten</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="183"/>
        <source>sieved patches under {threshold} pixels ({min_area:g} m2)</source>
        <translation>Flächen kleiner als {threshold} Pixel ({min_area:g} m2) ausgesiebt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="157"/>
        <source>dropped {dropped} polygon(s) under the minimum area or emptied by simplification</source>
        <translation>{dropped} Polygon(e) verworfen, die unter der Mindestfläche lagen oder durch die Vereinfachung leer wurden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="94"/>
        <source>{what} {done}/{total}</source>
        <translation>{what} {done}/{total}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="142"/>
        <source>the finished chunks stay in {path}: run again with the same inputs and parameters to resume</source>
        <translation>die fertigen Blöcke bleiben in {path}: führen Sie den Lauf mit denselben Eingaben und Parametern erneut aus, um ihn fortzusetzen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="89"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="171"/>
        <source>resuming: {records_count} of {plan_count} chunks reused from {path}</source>
        <translation>Fortsetzung: {records_count} von {plan_count} Blöcken aus {path} wiederverwendet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="177"/>
        <source>{plan_count} chunks of up to {side} x {side} px over {grid_count} tiles, {jobs_count} to run on {name}</source>
        <translation>{plan_count} Blöcke von bis zu {side} x {side} px über {grid_count} Kacheln, davon {jobs_count} auszuführen auf {name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="199"/>
        <source>{hits} tiles on chunk borders were computed once and shared by their chunks</source>
        <translation>{hits} Kacheln an Blockgrenzen wurden einmal berechnet und von ihren Blöcken gemeinsam genutzt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="228"/>
        <source>assembling</source>
        <translation>Zusammensetzen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="263"/>
        <source>resuming: polygons of {pieces_count} of {plan_count} chunks reused</source>
        <translation>Fortsetzung: Polygone von {pieces_count} von {plan_count} Blöcken wiederverwendet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="277"/>
        <source>merging polygons</source>
        <translation>Polygone werden zusammengeführt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="284"/>
        <source>{count} polygons written</source>
        <translation>{count} Polygone geschrieben</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="171"/>
        <source>{grid_count} tiles on {device_name}</source>
        <translation>{grid_count} Kacheln auf {device_name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="189"/>
        <source>tiles {seen}/{grid_count}</source>
        <translation>Kacheln {seen}/{grid_count}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="206"/>
        <source>skipped {skipped} of {grid_count} tiles that were all nodata</source>
        <translation>{skipped} von {grid_count} Kacheln übersprungen, die nur Leerwerte enthielten</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="71"/>
        <source>connected to the Dask scheduler {address} in {value:.1f} s: {workers_count} worker(s)</source>
        <translation>mit dem Dask-Scheduler {address} in {value:.1f} s verbunden: {workers_count} Worker</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="76"/>
        <source>the scheduler has no workers yet; the chunks wait until a worker joins</source>
        <translation>der Scheduler hat noch keine Worker; die Blöcke warten, bis ein Worker hinzukommt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="134"/>
        <source>{unclassified} labelled reference pixels are nodata in the classified raster and were not counted</source>
        <translation>{unclassified} gelabelte Referenzpixel sind im klassifizierten Raster Leerwerte und wurden nicht gezählt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="179"/>
        <source>the reference raster is on another grid or CRS: warped (nearest) onto the classified grid</source>
        <translation>das Referenzraster liegt auf einem anderen Gitter oder in einem anderen KBS: auf das Gitter des klassifizierten Rasters transformiert (nächster Nachbar)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="213"/>
        <source>GPU out of memory: continuing with batch size {batch_size}</source>
        <translation>GPU-Speicher erschöpft: weiter mit Batchgröße {batch_size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="75"/>
        <source>label raster {path} is on another grid or CRS: warped (nearest) onto the image grid</source>
        <translation>das Labelraster {path} liegt auf einem anderen Gitter oder in einem anderen KBS: auf das Gitter des Bildes transformiert (nächster Nachbar)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="116"/>
        <source>background ignored for raster labels: their values are the classes</source>
        <translation>Hintergrund wird bei Labelrastern ignoriert: ihre Werte sind die Klassen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="147"/>
        <source>labels {path} are in another CRS: reprojected onto the raster&apos;s</source>
        <translation>die Labels {path} liegen in einem anderen KBS: in das KBS des Rasters reprojiziert</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="35"/>
        <source>the raster has no CRS: polygon areas are in squared map units, not m2</source>
        <translation>das Raster hat kein KBS: Polygonflächen sind in quadrierten Karteneinheiten angegeben, nicht in m2</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="42"/>
        <source>the raster&apos;s CRS is neither geographic nor projected: areas are in squared map units</source>
        <translation>das KBS des Rasters ist weder geografisch noch projiziert: Flächen sind in quadrierten Karteneinheiten angegeben</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="126"/>
        <source>segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, {precision}), bands {bands}, tile {tile_size}, overlap {overlap}, batch {batch_size}, TTA {tta}</source>
        <translation>Segmentierung von {source}, Fenster {window}, mit {model_name} auf {device_name} ({runtime_name}, {precision}), Kanäle {bands}, Kachel {tile_size}, Überlappung {overlap}, Batch {batch_size}, TTA {tta}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="246"/>
        <source>OpenVINO {version}: using the network converted earlier for input {shape} ({folder})</source>
        <translation>OpenVINO {version}: das früher für die Eingabe {shape} konvertierte Netz wird verwendet ({folder})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="251"/>
        <source>OpenVINO {version}: converting the network for input {shape} (once per model file and tile shape)</source>
        <translation>OpenVINO {version}: das Netz wird für die Eingabe {shape} konvertiert (einmal je Modelldatei und Kachelform)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="280"/>
        <source>OpenVINO: converted in {value:.1f} s; cached in {folder}</source>
        <translation>OpenVINO: in {value:.1f} s konvertiert; zwischengespeichert in {folder}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="69"/>
        <source>polygons</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="77"/>
        <source>{polygons} polygons written</source>
        <translation>{polygons} Polygone geschrieben</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/work_folder.py" line="63"/>
        <source>an earlier run&apos;s work in {path} used other inputs ({changed}); starting afresh</source>
        <translation>die Arbeit eines früheren Laufs in {path} verwendete andere Eingaben ({changed}); es wird neu begonnen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="89"/>
        <source>a polygon piece</source>
        <translation>einer Polygon-Teildatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="133"/>
        <source>the polygons</source>
        <translation>der Polygone</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="181"/>
        <source>chunks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="267"/>
        <source>polygons of chunks</source>
        <translation>Polygone der Blöcke</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="37"/>
        <source>the disk is full: free some space or choose a folder on another disk</source>
        <translation>der Datenträger ist voll: geben Sie Speicherplatz frei oder wählen Sie einen Ordner auf einem anderen Datenträger</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="38"/>
        <source>check that the folder is still there, writable and has free space</source>
        <translation>prüfen Sie, ob der Ordner noch existiert, beschreibbar ist und freien Speicherplatz hat</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="53"/>
        <source>writing {what} failed ({first}); {advice}</source>
        <translation>Schreiben {what} fehlgeschlagen ({first}); {advice}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="145"/>
        <source>the classified raster</source>
        <translation>des klassifizierten Rasters</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="149"/>
        <source>the confidence raster</source>
        <translation>des Konfidenzrasters</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/styling.py" line="74"/>
        <source>could not open {uri} to store its style</source>
        <translation>{uri} konnte nicht geöffnet werden, um seinen Stil zu speichern</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/dependencies.py" line="75"/>
        <source>Install them from QGIS with Raster &gt; RemoteNet &gt; Install PyTorch and dependencies… (or, without the window, `python -m remotenet install` run from the QGIS profile's python/plugins folder), or by hand.
By hand, for the Python that QGIS uses ({python}, version {version}), then restart QGIS:
  Linux:   python3 -m pip install --user --break-system-packages {names}
           (Debian 12+ and Ubuntu 23.04+ refuse --user without that option; pip is python3-pip there)
  macOS:   /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {names}
  Windows: in the OSGeo4W Shell: python -m pip install {names}
On Windows, torch 2.9 and newer fail to load after Qt (c10.dll, WinError 1114): install torch&lt;2.9 there (for example: python -m pip install &quot;torch&lt;2.9&quot; timm safetensors).</source>
        <translation>Installieren Sie sie in QGIS über Raster &gt; RemoteNet &gt; PyTorch und Abhängigkeiten installieren… (oder, ohne das Fenster, mit `python -m remotenet install`, ausgeführt im Ordner python/plugins des QGIS-Profils) oder von Hand.
Von Hand, für das Python, das QGIS verwendet ({python}, Version {version}), danach QGIS neu starten:
  Linux:   python3 -m pip install --user --break-system-packages {names}
           (Debian 12+ und Ubuntu 23.04+ verweigern --user ohne diese Option; pip ist dort python3-pip)
  macOS:   /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {names}
  Windows: in der OSGeo4W Shell: python -m pip install {names}
Unter Windows lassen sich torch 2.9 und neuer nach Qt nicht laden (c10.dll, WinError 1114): installieren Sie dort torch&lt;2.9 (zum Beispiel: python -m pip install &quot;torch&lt;2.9&quot; timm safetensors).</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="160"/>
        <source>format_version {version!r} is not supported (this plugin reads up to {format_version}); update the plugin</source>
        <translation>format_version {version!r} wird nicht unterstützt (dieses Plugin liest bis {format_version}); aktualisieren Sie das Plugin</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="165"/>
        <source>architecture {named!r} is not one this plugin builds ({architectures}); choose a model written by RemoteNet Train, or update the plugin</source>
        <translation>die Architektur {named!r} wird von diesem Plugin nicht erstellt ({architectures}); wählen Sie ein von RemoteNet Trainieren geschriebenes Modell oder aktualisieren Sie das Plugin</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="170"/>
        <source>architecture {named!r} contradicts the weights, which are {architecture!r}</source>
        <translation>die Architektur {named!r} widerspricht den Gewichten, die {architecture!r} sind</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="182"/>
        <source>&apos;classes&apos; must be a non-empty list</source>
        <translation>'classes' muss eine nicht leere Liste sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="186"/>
        <source>class entry {entry!r} needs value, name and color</source>
        <translation>der Klasseneintrag {entry!r} benötigt value, name und color</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="190"/>
        <source>class value {value!r} must be an integer 0..254 (255 is nodata)</source>
        <translation>der Klassenwert {value!r} muss eine ganze Zahl von 0..254 sein (255 ist der Leerwert)</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="194"/>
        <source>class {name!r} colour {color!r} must be [r, g, b] with 0..255 integers</source>
        <translation>die Farbe {color!r} der Klasse {name!r} muss [r, g, b] mit ganzen Zahlen von 0..255 sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="200"/>
        <source>class value(s) {repeated} appear more than once in {values}; give each class its own value</source>
        <translation>Klassenwert(e) {repeated} kommen in {values} mehrfach vor; geben Sie jeder Klasse einen eigenen Wert</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="205"/>
        <source>lists {classes_count} classes but the weights predict {num_classes}</source>
        <translation>listet {classes_count} Klassen auf, aber die Gewichte sagen {num_classes} vorher</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="210"/>
        <source>in_channels {bands!r} must be a whole number of at least 1</source>
        <translation>in_channels {bands!r} muss eine ganze Zahl von mindestens 1 sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="213"/>
        <source>says {bands} input bands but the weights take {in_channels}</source>
        <translation>gibt {bands} Eingabekanäle an, aber die Gewichte nehmen {in_channels}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="217"/>
        <source>&apos;bands&apos; lists {get_count} bands but in_channels is {bands}</source>
        <translation>'bands' listet {get_count} Kanäle auf, aber in_channels ist {bands}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="222"/>
        <source>&apos;input&apos; must be an object with offset, scale, mean and std</source>
        <translation>'input' muss ein Objekt mit offset, scale, mean und std sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="226"/>
        <source>input.{key} has {value} values for {bands} bands</source>
        <translation>input.{key} hat {value} Werte für {bands} Kanäle</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="230"/>
        <source>input.{key} {numbers!r} must hold finite numbers</source>
        <translation>input.{key} {numbers!r} muss endliche Zahlen enthalten</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="233"/>
        <source>input.offset and input.scale must be finite numbers</source>
        <translation>input.offset und input.scale müssen endliche Zahlen sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="235"/>
        <source>input.std values and input.scale must be positive</source>
        <translation>die Werte von input.std und input.scale müssen positiv sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="238"/>
        <source>tile_size {tile!r} must be an integer of at least 32</source>
        <translation>tile_size {tile!r} muss eine ganze Zahl von mindestens 32 sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/styling.py" line="87"/>
        <source>the style could not be stored</source>
        <translation>der Stil konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="94"/>
        <source>the label raster {path} has no labelled pixel over the image: the labels do not overlap the raster (or are all 255/nodata)</source>
        <translation>das Labelraster {path} hat kein gelabeltes Pixel über dem Bild: die Labels überlappen das Raster nicht (oder sind alle 255/Leerwert)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="98"/>
        <source>the label raster {path} has no labelled pixel over the image window: the labels do not overlap the window (or are all 255/nodata)</source>
        <translation>das Labelraster {path} hat kein gelabeltes Pixel im Bildfenster: die Labels überlappen das Fenster nicht (oder sind alle 255/Leerwert)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="154"/>
        <source>{skipped} feature(s) of {path} without a geometry or a class in {field!r} (empty or NULL) were left out</source>
        <translation>{skipped} Objekt(e) von {path} ohne Geometrie oder ohne Klasse in {field!r} (leer oder NULL) wurden ausgelassen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="158"/>
        <source>{skipped} feature(s) of {path} without a geometry were left out</source>
        <translation>{skipped} Objekt(e) von {path} ohne Geometrie wurden ausgelassen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="222"/>
        <source>the label polygons do not overlap the raster: labels cover {labels}, the raster covers {raster} (in the raster&apos;s CRS)</source>
        <translation>die Labelpolygone überlappen das Raster nicht: die Labels decken {labels} ab, das Raster deckt {raster} ab (im KBS des Rasters)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="226"/>
        <source>the label polygons do not overlap the raster window: labels cover {labels}, the window covers {raster} (in the raster&apos;s CRS)</source>
        <translation>die Labelpolygone überlappen das Rasterfenster nicht: die Labels decken {labels} ab, das Fenster deckt {raster} ab (im KBS des Rasters)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="96"/>
        <source>no training chip of {tile} x {tile} pixels fits in the labelled area after the spatial split; use a smaller tile size or label a larger area</source>
        <translation>kein Trainingsausschnitt von {tile} x {tile} Pixeln passt nach der räumlichen Aufteilung in den gelabelten Bereich; verwenden Sie eine kleinere Kachelgröße oder labeln Sie einen größeren Bereich</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="100"/>
        <source>no validation chip of {tile} x {tile} pixels fits in the labelled area after the spatial split; use a smaller tile size or label a larger area</source>
        <translation>kein Validierungsausschnitt von {tile} x {tile} Pixeln passt nach der räumlichen Aufteilung in den gelabelten Bereich; verwenden Sie eine kleinere Kachelgröße oder labeln Sie einen größeren Bereich</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="246"/>
        <source>the labels form a single object: too few for a train/validation split; label at least two separate areas (polygons) per class</source>
        <translation>die Beschriftungen bilden ein einziges Objekt: zu wenig für eine Aufteilung in Training und Validierung; beschriften Sie mindestens zwei getrennte Flächen (Polygone) je Klasse</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="114"/>
        <source>checkpoint must be auto, best or last (got {checkpoint!r})</source>
        <translation>checkpoint muss auto, best oder last sein (erhalten: {checkpoint!r})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/base/options.py" line="21"/>
        <source>&apos;int8&apos; needs NNCF, OpenVINO&apos;s quantisation tool, which is not installed in this Python; install it with `pip install nncf` (beside `openvino`), or choose the precision Auto, bf16 or fp32</source>
        <translation>'int8' braucht NNCF, das Quantisierungswerkzeug von OpenVINO, das in diesem Python nicht installiert ist; installieren Sie es mit `pip install nncf` (neben `openvino`) oder wählen Sie die Genauigkeit Automatisch, bf16 oder fp32</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="202"/>
        <source>skipped {outside} of {grid_count} tiles outside the mask without reading them</source>
        <translation>{outside} von {grid_count} Kacheln außerhalb der Maske ungelesen übersprungen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="214"/>
        <source>int8 agreed with the full-precision network on only {share:.2%} of the calibration pixels; running {fallback} instead</source>
        <translation>int8 stimmte nur auf {share:.2%} der Kalibrierungspixel mit dem Netz in voller Genauigkeit überein; stattdessen läuft {fallback}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="297"/>
        <source>int8: using the network quantised earlier ({tiles} calibration tiles from {source}; {folder})</source>
        <translation>int8: das früher quantisierte Netz wird verwendet ({tiles} Kalibrierungskacheln aus {source}; {folder})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="302"/>
        <source>int8 needs calibration tiles the first time a model is quantised; run it on a raster</source>
        <translation>int8 braucht Kalibrierungskacheln, wenn ein Modell zum ersten Mal quantisiert wird; führen Sie es auf einem Raster aus</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="307"/>
        <source>int8: the raster has no tile with data to calibrate the quantisation on</source>
        <translation>int8: das Raster hat keine Kachel mit Daten, auf der die Quantisierung kalibriert werden kann</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="313"/>
        <source>int8: quantising the network with NNCF {version} on {tiles} tiles of this raster (once per model file and tile shape)</source>
        <translation>int8: das Netz wird mit NNCF {version} auf {tiles} Kacheln dieses Rasters quantisiert (einmal je Modelldatei und Kachelform)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="351"/>
        <source>int8: quantised in {value:.1f} s; the same class as full precision on {share:.2%} of the calibration pixels; cached in {folder}</source>
        <translation>int8: quantisiert in {value:.1f} s; dieselbe Klasse wie in voller Genauigkeit auf {share:.2%} der Kalibrierungspixel; zwischengespeichert in {folder}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/runtimes.py" line="43"/>
        <source>&apos;int8&apos; runs with OpenVINO on the CPU only; choose the runtime Auto or OpenVINO and the device CPU</source>
        <translation>'int8' läuft nur mit OpenVINO auf der CPU; wählen Sie die Laufzeitumgebung Automatisch oder OpenVINO und das Gerät CPU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="41"/>
        <source>precision &apos;int8&apos; runs with OpenVINO on the CPU only; on a GPU use Auto, fp16 or bf16</source>
        <translation>die Genauigkeit 'int8' läuft nur mit OpenVINO auf der CPU; auf einer GPU verwenden Sie Automatisch, fp16 oder bf16</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="123"/>
        <source>&apos;int8&apos; runs with OpenVINO on the CPU only, not {device}; on a GPU use Auto, fp16 or bf16</source>
        <translation>'int8' läuft nur mit OpenVINO auf der CPU, nicht auf {device}; auf einer GPU verwenden Sie Automatisch, fp16 oder bf16</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="127"/>
        <source>&apos;int8&apos; runs with OpenVINO, not PyTorch; choose the runtime Auto or OpenVINO</source>
        <translation>'int8' läuft mit OpenVINO, nicht mit PyTorch; wählen Sie die Laufzeitumgebung Automatisch oder OpenVINO</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="230"/>
        <source>{path} is the mask layer; choose another file name so the mask is kept</source>
        <translation>{path} ist die Maskenebene; wählen Sie einen anderen Dateinamen, damit die Maske erhalten bleibt</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="139"/>
        <source>mask: only pixels inside the polygons of {path} are classified</source>
        <translation>Maske: nur Pixel innerhalb der Polygone von {path} werden klassifiziert</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="133"/>
        <source>the window fits in one tile: run as one tile of {width} x {height} px (padded), without overlap or seams</source>
        <translation>das Fenster passt in eine Kachel: es läuft als eine Kachel von {width} x {height} px (aufgefüllt), ohne Überlappung und Nähte</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="164"/>
        <source>using the network prepared by the previous run ({runtime_name}, {precision})</source>
        <translation>das vom vorigen Lauf vorbereitete Netz wird verwendet ({runtime_name}, {precision})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="43"/>
        <source>{path} does not exist; choose a polygon layer&apos;s file (GeoPackage, shapefile...)</source>
        <translation>{path} existiert nicht; wählen Sie die Datei einer Polygonebene (GeoPackage, Shapefile...)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="46"/>
        <source>{path} cannot be opened as a vector file; choose a polygon layer&apos;s file (GeoPackage, shapefile...)</source>
        <translation>{path} lässt sich nicht als Vektordatei öffnen; wählen Sie die Datei einer Polygonebene (GeoPackage, Shapefile...)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="96"/>
        <source>{path} has no layer; choose a polygon layer</source>
        <translation>{path} hat keine Ebene; wählen Sie eine Polygonebene</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="111"/>
        <source>{path} holds {kind} geometries; a mask must be a polygon layer</source>
        <translation>{path} enthält Geometrien vom Typ {kind}; eine Maske muss eine Polygonebene sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="116"/>
        <source>the raster has no georeferencing, so a mask layer cannot be placed on it</source>
        <translation>das Raster ist nicht georeferenziert, daher kann keine Maskenebene darauf gelegt werden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="140"/>
        <source>no polygon of {path} touches the raster (or the extent processed); choose a mask over the raster (it is reprojected from its own CRS)</source>
        <translation>kein Polygon von {path} berührt das Raster (oder den bearbeiteten Ausschnitt); wählen Sie eine Maske über dem Raster (sie wird aus ihrem eigenen KBS umprojiziert)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="92"/>
        <source>{value!r} is not model, input or a pixel size in metres (for example 0.5)</source>
        <translation>{value!r} ist weder model noch input noch eine Pixelgröße in Metern (zum Beispiel 0.5)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="98"/>
        <source>{value} is not a pixel size: give a number of metres above 0 (for example 0.5), or model, or input</source>
        <translation>{value} ist keine Pixelgröße: geben Sie eine Meterzahl über 0 an (zum Beispiel 0.5), oder model, oder input</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="109"/>
        <source>{method!r} is not one of {methods}</source>
        <translation>{method!r} ist keiner von {methods}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="124"/>
        <source>the raster has no CRS or georeferencing, so its pixel size in metres is unknown; give input (or model) instead of a size in metres</source>
        <translation>das Raster hat kein KBS oder keine Georeferenzierung, daher ist seine Pixelgröße in Metern unbekannt; geben Sie input (oder model) statt einer Größe in Metern an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="135"/>
        <source>the raster&apos;s geotransform is rotated or sheared, so it cannot be resampled; give input instead of a size in metres</source>
        <translation>die Geotransformation des Rasters ist gedreht oder geschert, daher kann es nicht neu abgetastet werden; geben Sie input statt einer Größe in Metern an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="139"/>
        <source>{target:g} m pixels would upsample the raster&apos;s {input:.3g} m pixels {factor:.3g}x (at most {max:g}x: it invents detail and multiplies the work by the square); give input to run at the raster&apos;s own pixel size, or a size of at least {least:.3g} m</source>
        <translation>Pixel von {target:g} m würden die {input:.3g}-m-Pixel des Rasters {factor:.3g}-fach vergrößern (höchstens {max:g}-fach: das erfindet Details und vervielfacht die Arbeit mit dem Quadrat); geben Sie input für die eigene Pixelgröße des Rasters an, oder eine Größe von mindestens {least:.3g} m</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="160"/>
        <source>resolution: the input&apos;s own pixels, as asked, no resampling</source>
        <translation>Auflösung: die eigenen Pixel der Eingabe, wie verlangt, ohne Neuabtastung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="162"/>
        <source>resolution: the model file does not say its pixel size (gsd_m): the input&apos;s own pixels, no resampling</source>
        <translation>Auflösung: die Modelldatei nennt ihre Pixelgröße nicht (gsd_m): die eigenen Pixel der Eingabe, ohne Neuabtastung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="166"/>
        <source>resolution: the raster has no CRS, so its pixel size in metres is unknown: the input&apos;s own pixels, no resampling</source>
        <translation>Auflösung: das Raster hat kein KBS, seine Pixelgröße in Metern ist unbekannt: die eigenen Pixel der Eingabe, ohne Neuabtastung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="170"/>
        <source>resolution: the raster&apos;s geotransform is rotated: the input&apos;s own pixels, no resampling (the model works at {model:g} m)</source>
        <translation>Auflösung: die Geotransformation des Rasters ist gedreht: die eigenen Pixel der Eingabe, ohne Neuabtastung (das Modell arbeitet mit {model:g} m)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="174"/>
        <source>resolution: the input&apos;s {input:.3g} m pixels are within 10 % of {target:g} m: no resampling</source>
        <translation>Auflösung: die {input:.3g}-m-Pixel der Eingabe liegen innerhalb von 10 % von {target:g} m: keine Neuabtastung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="177"/>
        <source>resolution: the input&apos;s {input:.3g} m pixels resampled ({method}) to {target:g} m ({why}), {width} x {height} px processed; classes come back to the input&apos;s grid by nearest neighbour</source>
        <translation>Auflösung: die {input:.3g}-m-Pixel der Eingabe werden ({method}) auf {target:g} m abgetastet ({why}), {width} x {height} px bearbeitet; die Klassen kommen per nächstem Nachbarn auf das Raster der Eingabe zurück</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="197"/>
        <source>cannot resample {source} to {target:g} m pixels: {gdal_error}</source>
        <translation>{source} kann nicht auf Pixel von {target:g} m abgetastet werden: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="62"/>
        <source>back to the input&apos;s grid</source>
        <translation>zurück auf das Raster der Eingabe</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/regrid.py" line="63"/>
        <source>cannot read back {path}: {gdal_error}</source>
        <translation>{path} kann nicht zurückgelesen werden: {gdal_error}</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="47"/>
        <source>{path} is not a file; choose a RemoteNet model file (.safetensors)</source>
        <translation>{path} ist keine Datei; wählen Sie eine RemoteNet-Modelldatei (.safetensors)</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="51"/>
        <source>{path} is a PyTorch checkpoint, not a RemoteNet model file: it has no classes, bands or normalisation to continue from; choose a .safetensors file written by RemoteNet Train</source>
        <translation>{path} ist ein PyTorch-Checkpoint, keine RemoteNet-Modelldatei: er hat keine Klassen, Kanäle oder Normalisierung, an die angeknüpft werden könnte; wählen Sie eine von RemoteNet Train geschriebene .safetensors-Datei</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="125"/>
        <source>not a RemoteNet model file: {err}</source>
        <translation>keine RemoteNet-Modelldatei: {err}</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="60"/>
        <source>{path} cannot be read ({err}); choose a RemoteNet model file you can read</source>
        <translation>{path} kann nicht gelesen werden ({err}); wählen Sie eine lesbare RemoteNet-Modelldatei</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="71"/>
        <source>the model takes {wanted} band(s), but {count} band(s) were chosen; choose {wanted} band(s) or another model</source>
        <translation>das Modell nimmt {wanted} Kanal/Kanäle, gewählt wurden aber {count}; wählen Sie {wanted} Kanal/Kanäle oder ein anderes Modell</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="80"/>
        <source>the model takes {wanted} band(s), but the raster has {count}; fine-tune on a raster with the model&apos;s bands, or choose another model</source>
        <translation>das Modell nimmt {wanted} Kanal/Kanäle, der Raster hat aber {count}; verfeinern Sie es auf einem Raster mit den Kanälen des Modells, oder wählen Sie ein anderes Modell</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="131"/>
        <source>the model takes {wanted} band(s), but the training data has {count}; choose {wanted} band(s) or another model</source>
        <translation>das Modell nimmt {wanted} Kanal/Kanäle, die Trainingsdaten haben aber {count}; wählen Sie {wanted} Kanal/Kanäle oder ein anderes Modell</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="135"/>
        <source>Fine-tuning {name}: its encoder, {encoder}, is used (the ENCODER choice, {asked}, does not apply)</source>
        <translation>Feinabstimmung von {name}: sein Encoder, {encoder}, wird verwendet (die ENCODER-Wahl, {asked}, gilt nicht)</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="139"/>
        <source>Fine-tuning {name} (encoder {encoder})</source>
        <translation>Feinabstimmung von {name} (Encoder {encoder})</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="149"/>
        <source>The labels have the model&apos;s classes ({classes}): its classification head goes on learning</source>
        <translation>Die Labels haben die Klassen des Modells ({classes}): sein Klassifikationskopf lernt weiter</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="173"/>
        <source>The labels&apos; classes ({classes}) are not the model&apos;s ({initial}): new classification head; re-initialised: {layers} (rows kept for classes of the same name: {kept}); every other weight is the model&apos;s</source>
        <translation>Die Klassen der Labels ({classes}) sind nicht die des Modells ({initial}): neuer Klassifikationskopf; neu initialisiert: {layers} (Zeilen behalten für Klassen gleichen Namens: {kept}); alle anderen Gewichte sind die des Modells</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="181"/>
        <source>Normalisation recomputed from the training pixels, as asked (scale {scale}, mean {mean}, std {std})</source>
        <translation>Normalisierung wie gewünscht aus den Trainingspixeln neu berechnet (Skala {scale}, Mittelwert {mean}, Standardabweichung {std})</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="187"/>
        <source>Normalisation kept from the model (scale {scale}, mean {mean}, std {std}); ask to recompute it to use the training pixels&apos; instead</source>
        <translation>Normalisierung des Modells beibehalten (Skala {scale}, Mittelwert {mean}, Standardabweichung {std}); lassen Sie sie neu berechnen, um stattdessen die der Trainingspixel zu verwenden</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="175"/>
        <source>spectral_head {value!r} must be true or false</source>
        <translation>spectral_head {value!r} muss true oder false sein</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="177"/>
        <source>spectral_head is false but the weights have the spectral head</source>
        <translation>spectral_head ist false, aber die Gewichte enthalten den spektralen Kopf</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="177"/>
        <source>spectral_head is true but the weights have no spectral head</source>
        <translation>spectral_head ist true, aber die Gewichte enthalten keinen spektralen Kopf</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="29"/>
        <source>Spectral head: on (as asked).</source>
        <translation>Spektraler Kopf: an (wie verlangt).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="29"/>
        <source>Spectral head: off (as asked).</source>
        <translation>Spektraler Kopf: aus (wie verlangt).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="35"/>
        <source>Spectral head: on: pixels of {gsd} m are at least {limit} m (SPECTRAL_HEAD auto: on for satellite pixels of {limit} m and coarser, where a class is mostly its spectrum).</source>
        <translation>Spektraler Kopf: an: Pixel von {gsd} m sind mindestens {limit} m groß (SPECTRAL_HEAD auto: an für Satellitenpixel ab {limit} m, wo eine Klasse vor allem ihr Spektrum ist).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="38"/>
        <source>Spectral head: off: pixels of {gsd} m are finer than {limit} m (SPECTRAL_HEAD auto: on only for pixels of {limit} m and coarser; finer imagery is classified by its shapes).</source>
        <translation>Spektraler Kopf: aus: Pixel von {gsd} m sind feiner als {limit} m (SPECTRAL_HEAD auto: an nur für Pixel ab {limit} m; feinere Bilder werden nach ihren Formen klassifiziert).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="46"/>
        <source>Spectral head: on: the pixel size in metres is unknown and the labels cover {share} of the raster, a few polygons (SPECTRAL_HEAD auto).</source>
        <translation>Spektraler Kopf: an: die Pixelgröße in Metern ist unbekannt, und die Beschriftungen decken {share} des Rasters ab, also wenige Polygone (SPECTRAL_HEAD auto).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="49"/>
        <source>Spectral head: off: the pixel size in metres is unknown and the labels cover {share} of the raster, dense labels (SPECTRAL_HEAD auto).</source>
        <translation>Spektraler Kopf: aus: die Pixelgröße in Metern ist unbekannt, und die Beschriftungen decken {share} des Rasters ab, also dichte Beschriftungen (SPECTRAL_HEAD auto).</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="118"/>
        <source>few_labels_decoder_weight must be between 0 and 1 (got {value})</source>
        <translation>few_labels_decoder_weight muss zwischen 0 und 1 liegen (erhalten: {value})</translation>
    </message>
</context>
<context>
    <name>RemoteNetAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="118"/>
        <source>Checking the {name} parameters</source>
        <translation>Prüfen der Parameter von {name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="143"/>
        <source>{name} was cancelled; no output files were written.</source>
        <translation>{name} wurde abgebrochen; es wurden keine Ausgabedateien geschrieben.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="201"/>
        <source>{what} failed: {error}</source>
        <translation>{what} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/choices.py" line="108"/>
        <source>{parameter}: {value} is not one of its choices; give one of {names} (or its number, 0 to {last})</source>
        <translation>{parameter}: {value} ist keine der Auswahlmöglichkeiten; geben Sie eine von {names} an (oder ihre Nummer, 0 bis {last})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/choices.py" line="117"/>
        <source>Values: {names}.</source>
        <translation>Werte: {names}.</translation>
    </message>
</context>
<context>
    <name>RemoteNetInstaller</name>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="88"/>
        <source>Packages: {packages}</source>
        <translation>Pakete: {packages}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="90"/>
        <source>Into: {target}</source>
        <translation>Ziel: {target}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="94"/>
        <source>Download: {size}</source>
        <translation>Download: {size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="196"/>
        <source>torch below 2.9: newer builds fail to load inside QGIS on Windows (c10.dll, WinError 1114).</source>
        <translation>torch unter 2.9: neuere Builds lassen sich unter Windows in QGIS nicht laden (c10.dll, WinError 1114).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="199"/>
        <source>NVIDIA driver found: CUDA 12.6 build from download.pytorch.org.</source>
        <translation>NVIDIA-Treiber gefunden: CUDA-12.6-Build von download.pytorch.org.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="203"/>
        <source>No NVIDIA driver found: CPU build.</source>
        <translation>Kein NVIDIA-Treiber gefunden: CPU-Build.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="207"/>
        <source>macOS: PyPI&apos;s build (CPU, Apple GPU through MPS).</source>
        <translation>macOS: Build von PyPI (CPU, Apple-GPU über MPS).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="211"/>
        <source>NVIDIA driver found: PyPI&apos;s CUDA build.</source>
        <translation>NVIDIA-Treiber gefunden: CUDA-Build von PyPI.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="211"/>
        <source>{arch}: PyPI&apos;s build (CPU).</source>
        <translation>{arch}: Build von PyPI (CPU).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="213"/>
        <source>about 3-5 GB with CUDA libraries</source>
        <translation>etwa 3-5 GB mit CUDA-Bibliotheken</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="218"/>
        <source>No NVIDIA driver found: CPU build of torch and torchvision from download.pytorch.org/whl/cpu.</source>
        <translation>Kein NVIDIA-Treiber gefunden: CPU-Build von torch und torchvision von download.pytorch.org/whl/cpu.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="225"/>
        <source>about {size}</source>
        <translation>etwa {size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="280"/>
        <source>cannot find the Python executable of this QGIS (Python {version}); install the packages by hand (see docs/installing.md)</source>
        <translation>die Python-Programmdatei dieses QGIS (Python {version}) wurde nicht gefunden; installieren Sie die Pakete von Hand (siehe docs/installing.md)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="295"/>
        <source>{index} cannot be reached from here: PyPI&apos;s build instead (on Linux the CUDA build: it runs on a CPU too, but downloads 3-5 GB).</source>
        <translation>{index} ist von hier aus nicht erreichbar: stattdessen der Build von PyPI (unter Linux der CUDA-Build: er läuft auch auf einer CPU, lädt aber 3-5 GB herunter).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="301"/>
        <source>Kept from QGIS&apos;s Python: {packages}.</source>
        <translation>Aus dem Python von QGIS übernommen: {packages}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="401"/>
        <source>Installing the downloaded packages (this can take minutes)</source>
        <translation>Die heruntergeladenen Pakete werden installiert (das kann einige Minuten dauern)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="461"/>
        <source>Cancelled: nothing was installed.</source>
        <translation>Abgebrochen: es wurde nichts installiert.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="466"/>
        <source>pip failed (exit code {code}): {errors} Full log: {log}</source>
        <translation>pip ist fehlgeschlagen (Exit-Code {code}): {errors} Vollständiges Protokoll: {log}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="474"/>
        <source>pip succeeded but the previous install could not be replaced ({error}); restart QGIS and install again before running an algorithm.</source>
        <translation>pip war erfolgreich, aber die vorherige Installation konnte nicht ersetzt werden ({error}); starten Sie QGIS neu und installieren Sie erneut, bevor Sie einen Algorithmus ausführen.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="478"/>
        <source>Installed {count} packages into {target}. Restart QGIS to use them.</source>
        <translation>{count} Pakete in {target} installiert. Starten Sie QGIS neu, um sie zu verwenden.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="34"/>
        <source>Install PyTorch and dependencies…</source>
        <translation>PyTorch und Abhängigkeiten installieren…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="37"/>
        <source>Install torch, timm and safetensors for RemoteNet into your QGIS profile</source>
        <translation>torch, timm und safetensors für RemoteNet in Ihr QGIS-Profil installieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="56"/>
        <source>needs {packages} to run its algorithms.</source>
        <translation>benötigt {packages}, um seine Algorithmen auszuführen.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="59"/>
        <source>Install…</source>
        <translation>Installieren…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="91"/>
        <source>With: {python}</source>
        <translation>Mit: {python}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="189"/>
        <source>No torch below 2.9 exists for Python {version}: the newest is installed, and may fail to load inside QGIS on Windows (c10.dll, WinError 1114).</source>
        <translation>Für Python {version} gibt es kein torch unter 2.9: die neueste Version wird installiert und lässt sich unter Windows in QGIS möglicherweise nicht laden (c10.dll, WinError 1114).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="285"/>
        <source>{python} is not the Python {running} this QGIS runs on (it says: {version}); give the installer QGIS&apos;s Python</source>
        <translation>{python} ist nicht das Python {running}, mit dem dieses QGIS läuft (es meldet: {version}); geben Sie dem Installationsprogramm das Python von QGIS an</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="322"/>
        <source>pip is not available for {python} and cannot run from its wheel ({error}). On Debian/Ubuntu: sudo apt install python3-pip. Then try again.</source>
        <translation>pip ist für {python} nicht verfügbar und kann nicht aus seinem Wheel gestartet werden ({error}). Unter Debian/Ubuntu: sudo apt install python3-pip. Versuchen Sie es danach erneut.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="327"/>
        <source>pip is not installed for this Python (on Debian/Ubuntu it is the package python3-pip): pip runs from its wheel {wheel}.</source>
        <translation>pip ist für dieses Python nicht installiert (unter Debian/Ubuntu ist es das Paket python3-pip): pip läuft aus seinem Wheel {wheel}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="331"/>
        <source>pip is not installed for this Python (on Debian/Ubuntu it is the package python3-pip): the installer first downloads pip&apos;s wheel (about 2 MB) from the package index into {folder} and runs pip from there.</source>
        <translation>pip ist für dieses Python nicht installiert (unter Debian/Ubuntu ist es das Paket python3-pip): das Installationsprogramm lädt zuerst das Wheel von pip (etwa 2 MB) vom Paketindex nach {folder} herunter und startet pip von dort.</translation>
    </message>
</context>
<context>
    <name>RemoteNetPlugin</name>
    <message>
        <location filename="../remotenet_plugin/plugin.py" line="52"/>
        <source>RemoteNet Segment…</source>
        <translation>RemoteNet Segmentieren…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/plugin.py" line="54"/>
        <source>Classify a raster with a RemoteNet model</source>
        <translation>Ein Raster mit einem RemoteNet-Modell klassifizieren</translation>
    </message>
</context>
<context>
    <name>RemoteNetProvider</name>
    <message>
        <location filename="../remotenet_plugin/provider.py" line="29"/>
        <source>RemoteNet</source>
        <translation>RemoteNet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/provider.py" line="32"/>
        <source>RemoteNet semantic segmentation</source>
        <translation>RemoteNet semantische Segmentierung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/provider.py" line="61"/>
        <source>RemoteNet: algorithm {name} could not be loaded:
{traceback}</source>
        <translation>RemoteNet: Algorithmus {name} konnte nicht geladen werden:
{traceback}</translation>
    </message>
</context>
<context>
    <name>SegmentAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="52"/>
        <source>Classifies every pixel of a raster layer with a RemoteNet network. Writes a styled class raster (GeoTIFF, UInt8, 255 = nodata) on the input&apos;s pixel grid, and optionally class polygons (GeoPackage) and a confidence raster.</source>
        <translation>Klassifiziert jedes Pixel eines Rasterlayers mit einem RemoteNet-Netz. Schreibt ein Klassenraster mit Stil (GeoTIFF, UInt8, 255 = Leerwert) auf dem Pixelgitter der Eingabe und optional Klassenpolygone (GeoPackage) und ein Konfidenzraster.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="241"/>
        <source>Input raster</source>
        <translation>Eingaberaster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="57"/>
        <source>a raster file GDAL can read. Pixels that are nodata stay nodata; tiles made only of nodata are skipped.</source>
        <translation>eine Rasterdatei, die GDAL lesen kann. Pixel mit Leerwert bleiben Leerwert; Kacheln, die nur aus Leerwerten bestehen, werden übersprungen.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="61"/>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="61"/>
        <source>a RemoteNet model: &lt;i&gt;.safetensors&lt;/i&gt; written by RemoteNet Train or remotenet.model.save_model. Its header says which bands it expects and in which order, how to scale and normalise pixels, the tile size it was trained at, and its classes with names and colours (used to style the outputs). Plain PyTorch state_dicts (.pth/.pt) load too, with default classes; no file can run code when loaded. {bundled}</source>
        <translation>ein RemoteNet-Modell: &lt;i&gt;.safetensors&lt;/i&gt;, geschrieben von RemoteNet Trainieren oder remotenet.model.save_model. Sein Header gibt an, welche Kanäle es in welcher Reihenfolge erwartet, wie die Pixel skaliert und normalisiert werden, mit welcher Kachelgröße es trainiert wurde und welche Klassen es hat, mit Namen und Farben (daraus entsteht der Stil der Ausgaben). Einfache PyTorch-state_dicts (.pth/.pt) lassen sich ebenfalls laden, mit Standardklassen; keine Datei kann beim Laden Code ausführen. {bundled}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="68"/>
        <source>Bands</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="68"/>
        <source>the raster bands fed to the model, in order, as many as the model takes. Default: the band list in the model header.</source>
        <translation>die Rasterkanäle, die das Modell erhält, in dieser Reihenfolge und so viele, wie das Modell erwartet. Vorgabe: die Kanalliste im Modell-Header.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="72"/>
        <source>Extent</source>
        <translation>Ausdehnung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="72"/>
        <source>classify only this part of the raster (on the input&apos;s pixel grid). Default: the whole raster.</source>
        <translation>nur diesen Teil des Rasters klassifizieren (auf dem Pixelgitter der Eingabe). Vorgabe: das ganze Raster.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="93"/>
        <source>Tile size</source>
        <translation>Kachelgröße</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="98"/>
        <source>Overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="98"/>
        <source>advanced; pixels shared by neighbouring tiles, blended smoothly so seams don&apos;t show; less than half the tile size. Default: chosen from the tile size.</source>
        <translation>erweitert; Pixel, die benachbarte Kacheln gemeinsam haben und die weich überblendet werden, damit keine Nähte sichtbar sind; weniger als die halbe Kachelgröße. Vorgabe: aus der Kachelgröße bestimmt.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="102"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="102"/>
        <source>advanced; tiles run together. Lower it if memory runs out.</source>
        <translation>erweitert; Anzahl der Kacheln, die gemeinsam berechnet werden. Verringern Sie den Wert, wenn der Speicher nicht ausreicht.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="270"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="104"/>
        <source>advanced; Auto uses a CUDA GPU when present, else the CPU. The log says which ran.</source>
        <translation>erweitert; Automatisch verwendet eine CUDA-GPU, falls vorhanden, sonst die CPU. Das Protokoll zeigt, was verwendet wurde.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="271"/>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="272"/>
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="115"/>
        <source>advanced; Auto runs the network with OpenVINO on the CPU when it is installed (pip install openvino; several times faster than PyTorch, same class on over 99.5% of pixels; converted once per model and tile size and kept in the user&apos;s cache folder), else with PyTorch, and always with PyTorch on a GPU. The log and the raster&apos;s REMOTENET_RUNTIME tag say which ran.</source>
        <translation>erweitert; Automatisch führt das Netz auf der CPU mit OpenVINO aus, wenn es installiert ist (pip install openvino; um ein Mehrfaches schneller als PyTorch, dieselbe Klasse auf über 99,5 % der Pixel; einmal je Modell und Kachelgröße konvertiert und im Cache-Ordner des Benutzers aufbewahrt), sonst mit PyTorch, und auf einer GPU immer mit PyTorch. Das Protokoll und das Tag REMOTENET_RUNTIME des Rasters zeigen, was verwendet wurde.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="121"/>
        <source>Chunk size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="121"/>
        <source>advanced; a raster larger than this many pixels a side runs chunk by chunk: memory stays the same whatever the raster&apos;s size, the results are written as Cloud Optimized GeoTIFFs with overviews, and a run that was stopped by a crash resumes from its finished chunks when run again with the same inputs (they wait in a hidden folder beside the output). Rounded up to the tile stride.</source>
        <translation>erweitert; ein Raster, das auf einer Seite mehr Pixel hat als dieser Wert, wird Block für Block verarbeitet: der Speicherbedarf bleibt gleich, wie groß das Raster auch ist, die Ergebnisse werden als Cloud Optimized GeoTIFFs mit Übersichten (Pyramiden) geschrieben, und ein Lauf, den ein Absturz unterbrochen hat, wird bei erneutem Ausführen mit denselben Eingaben ab seinen fertigen Blöcken fortgesetzt (diese warten in einem versteckten Ordner neben der Ausgabe). Wird auf die Schrittweite der Kacheln aufgerundet.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="127"/>
        <source>Dask scheduler</source>
        <translation>Dask-Scheduler</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="127"/>
        <source>advanced; the address of a Dask scheduler (tcp://host:8786 or tls://host:8786) to spread the chunks over its workers; empty runs in QGIS. Every worker needs this plugin&apos;s Python package and must reach the input, the model and the output folder under the same paths (docs/cluster.md). A scheduler runs whatever its clients send: only use one you trust, on a private network or with TLS.</source>
        <translation>erweitert; die Adresse eines Dask-Schedulers (tcp://host:8786 oder tls://host:8786), um die Blöcke auf seine Worker zu verteilen; leer: Ausführung in QGIS. Jeder Worker braucht das Python-Paket dieses Plugins und muss die Eingabe, das Modell und den Ausgabeordner unter denselben Pfaden erreichen (docs/cluster.md). Ein Scheduler führt aus, was seine Clients ihm senden: verwenden Sie nur einen, dem Sie vertrauen, in einem privaten Netzwerk oder mit TLS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="133"/>
        <source>Test-time augmentation</source>
        <translation>Test-Time-Augmentation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="133"/>
        <source>advanced; also runs flipped tiles and averages the results: cleaner edges, several times slower.</source>
        <translation>erweitert; berechnet zusätzlich gespiegelte Kacheln und mittelt die Ergebnisse: sauberere Kanten, aber um ein Mehrfaches langsamer.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="136"/>
        <source>Minimum polygon area</source>
        <translation>Minimale Polygonfläche</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="136"/>
        <source>polygons smaller than this many square metres are dropped; 0 keeps all.</source>
        <translation>Polygone, die kleiner als so viele Quadratmeter sind, werden verworfen; 0 behält alle.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="139"/>
        <source>Simplify tolerance</source>
        <translation>Vereinfachungstoleranz</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="139"/>
        <source>simplifies polygon outlines by this distance in map units; 0 keeps the pixel outlines.</source>
        <translation>vereinfacht die Polygonumrisse um diesen Abstand in Karteneinheiten; 0 behält die Pixelumrisse bei.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="288"/>
        <source>Classified raster</source>
        <translation>Klassifiziertes Raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="142"/>
        <source>GeoTIFF with a colour table, category names and a .qml style beside it.</source>
        <translation>GeoTIFF mit Farbtabelle, Kategorienamen und einem .qml-Stil daneben.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="289"/>
        <source>Class polygons</source>
        <translation>Klassenpolygone</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="145"/>
        <source>optional GeoPackage with fields class_id, class_name, area_m2 (and mean_confidence when a confidence raster is written); its default style is stored in the GeoPackage.</source>
        <translation>optionales GeoPackage mit den Feldern class_id, class_name, area_m2 (und mean_confidence, wenn ein Konfidenzraster geschrieben wird); sein Standardstil wird im GeoPackage gespeichert.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="292"/>
        <source>Confidence raster</source>
        <translation>Konfidenzraster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="149"/>
        <source>optional Float32 GeoTIFF with the winning class probability.</source>
        <translation>optionales Float32-GeoTIFF mit der Wahrscheinlichkeit der gewinnenden Klasse.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="152"/>
        <source>Needs the Python packages torch, timm and safetensors in the Python that QGIS runs.</source>
        <translation>Benötigt die Python-Pakete torch, timm und safetensors in dem Python, mit dem QGIS läuft.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="226"/>
        <source>RemoteNet Segment</source>
        <translation>RemoteNet Segmentieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="229"/>
        <source>segmentation,classification,deep learning,remotenet,land cover,buildings</source>
        <translation>segmentierung,klassifizierung,deep learning,remotenet,landbedeckung,gebäude</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="232"/>
        <source>Classifies every pixel of a raster with a RemoteNet model; styled class raster and polygons.</source>
        <translation>Klassifiziert jedes Pixel eines Rasters mit einem RemoteNet-Modell; Klassenraster mit Stil und Polygone.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="235"/>
        <source>When empty, the bundled demonstration model (buildings) is used.</source>
        <translation>Wenn leer, wird das mitgelieferte Demonstrationsmodell (Gebäude) verwendet.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="235"/>
        <source>Required here: no demonstration model is bundled with this installation.</source>
        <translation>Hier erforderlich: dieser Installation liegt kein Demonstrationsmodell bei.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="242"/>
        <source>Model file (.safetensors; empty: bundled demonstration model)</source>
        <translation>Modelldatei (.safetensors; leer: mitgeliefertes Demonstrationsmodell)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="242"/>
        <source>RemoteNet models (*.safetensors *.pth *.pt);;All files (*.*)</source>
        <translation>RemoteNet-Modelle (*.safetensors *.pth *.pt);;Alle Dateien (*.*)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="246"/>
        <source>Bands (default: from the model file)</source>
        <translation>Kanäle (Vorgabe: aus der Modelldatei)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="249"/>
        <source>Extent (default: whole raster)</source>
        <translation>Ausdehnung (Vorgabe: ganzes Raster)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="261"/>
        <source>Tile size in pixels (default: from the model file)</source>
        <translation>Kachelgröße in Pixeln (Vorgabe: aus der Modelldatei)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="264"/>
        <source>Tile overlap in pixels (default: automatic)</source>
        <translation>Kachelüberlappung in Pixeln (Vorgabe: automatisch)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="267"/>
        <source>Batch size (tiles)</source>
        <translation>Batchgröße (Kacheln)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="274"/>
        <source>Chunk size in pixels (larger rasters run chunk by chunk, resumably)</source>
        <translation>Blockgröße in Pixeln (größere Raster laufen Block für Block, fortsetzbar)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="277"/>
        <source>Dask scheduler address (empty: run in QGIS)</source>
        <translation>Adresse des Dask-Schedulers (leer: in QGIS ausführen)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="280"/>
        <source>Test-time augmentation (flips; slower)</source>
        <translation>Test-Time-Augmentation (Spiegelungen; langsamer)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="282"/>
        <source>Minimum polygon area (square metres)</source>
        <translation>Minimale Polygonfläche (Quadratmeter)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="285"/>
        <source>Simplify tolerance (map units)</source>
        <translation>Vereinfachungstoleranz (Karteneinheiten)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="294"/>
        <source>Device that ran the model</source>
        <translation>Gerät, auf dem das Modell lief</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="295"/>
        <source>Tiles</source>
        <translation>Kacheln</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="296"/>
        <source>Tiles skipped as nodata</source>
        <translation>Als Leerwert übersprungene Kacheln</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="367"/>
        <source>INPUT: {value} is not a raster layer QGIS can open; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT: {value} ist kein Rasterlayer, den QGIS öffnen kann; wählen Sie eine Rasterdatei (zum Beispiel ein GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="371"/>
        <source>INPUT: layer &apos;{layer}&apos; comes from the &apos;{provider}&apos; provider; RemoteNet reads raster files through GDAL: save the layer as a GeoTIFF first (Raster &gt; Conversion &gt; Translate)</source>
        <translation>INPUT: der Layer '{layer}' stammt vom Datenlieferanten '{provider}'; RemoteNet liest Rasterdateien über GDAL: speichern Sie den Layer zuerst als GeoTIFF (Raster &gt; Konvertierung &gt; Umwandeln (Format konvertieren))</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="389"/>
        <source>INPUT: {path} does not exist; choose an existing raster file</source>
        <translation>INPUT: {path} existiert nicht; wählen Sie eine vorhandene Rasterdatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="391"/>
        <source>INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a GeoTIFF) rather than a vector file</source>
        <translation>INPUT: {path} ist kein Raster, das GDAL lesen kann; wählen Sie eine Rasterdatei (zum Beispiel ein GeoTIFF) statt einer Vektordatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="393"/>
        <source>INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT: {path} ist kein Raster, das GDAL lesen kann; wählen Sie eine Rasterdatei (zum Beispiel ein GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="401"/>
        <source>MODEL: no model file given and no bundled demonstration model found; pass MODEL=... (a .safetensors file written by RemoteNet Train or remotenet.model.save_model)</source>
        <translation>MODEL: keine Modelldatei angegeben und kein mitgeliefertes Demonstrationsmodell gefunden; übergeben Sie MODEL=... (eine .safetensors-Datei, geschrieben von RemoteNet Trainieren oder remotenet.model.save_model)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="405"/>
        <source>MODEL: the model file {path} does not exist; choose an existing .safetensors (or .pth) RemoteNet model file</source>
        <translation>MODEL: die Modelldatei {path} existiert nicht; wählen Sie eine vorhandene RemoteNet-Modelldatei (.safetensors oder .pth)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="418"/>
        <source>MODEL: {path} cannot be read as a RemoteNet model ({error})</source>
        <translation>MODEL: {path} kann nicht als RemoteNet-Modell gelesen werden ({error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="482"/>
        <source>Model: {path}</source>
        <translation>Modell: {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="485"/>
        <source>Ran on {device} ({precision}); {tiles} tile(s), {skipped} skipped as nodata; output {width} x {height} pixels</source>
        <translation>Lief auf {device} ({precision}); {tiles} Kachel(n), davon {skipped} als Leerwert übersprungen; Ausgabe {width} x {height} Pixel</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="485"/>
        <source>; {chunks} chunks, {reused} reused from an interrupted run</source>
        <translation>; {chunks} Blöcke, davon {reused} aus einem unterbrochenen Lauf wiederverwendet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="493"/>
        <source>Time per stage: {stages}</source>
        <translation>Zeit je Phase: {stages}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="501"/>
        <source>The polygons were written but their style could not be stored: {problem}</source>
        <translation>Die Polygone wurden geschrieben, aber ihr Stil konnte nicht gespeichert werden: {problem}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="75"/>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="75"/>
        <source>optional polygon layer: only pixels inside its polygons are classified (its selected features only when ticked; reprojected when on another CRS). Pixels outside are nodata (255) and get no polygons; tiles wholly outside are never read, so a small mask over a large raster runs in proportion to its area.</source>
        <translation>optionale Polygonebene: nur Pixel innerhalb ihrer Polygone werden klassifiziert (nur die gewählten Objekte, wenn angehakt; umprojiziert, wenn in einem anderen KBS). Pixel außerhalb sind NoData (255) und erhalten keine Polygone; Kacheln ganz außerhalb werden nie gelesen, daher kostet eine kleine Maske über einem großen Raster nur im Verhältnis zu ihrer Fläche.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="81"/>
        <source>Processing resolution</source>
        <translation>Bearbeitungsauflösung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="81"/>
        <source>the pixel size the model sees: &lt;i&gt;model&lt;/i&gt; (default: the pixel size the model was trained at, from its file; the input&apos;s when the file does not say), &lt;i&gt;input&lt;/i&gt; (the raster&apos;s own pixels) or a size in metres (for example 0.5; on a geographic raster, metres at the centre). A raster more than 10% away is resampled for the model (bilinear, or cubic), and the classes come back to the input&apos;s grid by nearest neighbour, so the outputs always line up with the input. Upsampling more than 8x is refused.</source>
        <translation>die Pixelgröße, die das Modell sieht: &lt;i&gt;model&lt;/i&gt; (Standard: die Pixelgröße, mit der das Modell trainiert wurde, aus seiner Datei; die der Eingabe, wenn die Datei sie nicht nennt), &lt;i&gt;input&lt;/i&gt; (die eigenen Pixel des Rasters) oder eine Größe in Metern (zum Beispiel 0.5; bei einem geografischen Raster Meter in der Mitte). Ein Raster, das mehr als 10% abweicht, wird für das Modell neu abgetastet (bilinear oder kubisch), und die Klassen kommen per nächstem Nachbarn auf das Raster der Eingabe zurück, sodass die Ausgaben immer mit der Eingabe übereinstimmen. Eine Vergrößerung um mehr als das 8-fache wird abgelehnt.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="89"/>
        <source>Resampling</source>
        <translation>Neuabtastung</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="89"/>
        <source>advanced; how the image is resampled for the processing resolution: bilinear (default) or cubic. Classes are never interpolated.</source>
        <translation>erweitert; wie das Bild für die Bearbeitungsauflösung neu abgetastet wird: bilinear (Standard) oder kubisch. Klassen werden nie interpoliert.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="251"/>
        <source>Mask: classify only inside these polygons (optional)</source>
        <translation>Maske: nur innerhalb dieser Polygone klassifizieren (optional)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="256"/>
        <source>Processing resolution: model, input or metres</source>
        <translation>Bearbeitungsauflösung: model, input oder Meter</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="259"/>
        <source>Resampling of the image</source>
        <translation>Neuabtastung des Bildes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="297"/>
        <source>Tiles skipped outside the mask</source>
        <translation>Außerhalb der Maske übersprungene Kacheln</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="336"/>
        <source>MASK: {value} is not a vector layer QGIS can open; choose a polygon layer</source>
        <translation>MASK: {value} ist keine Vektorebene, die QGIS öffnen kann; wählen Sie eine Polygonebene</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="340"/>
        <source>MASK: &apos;{layer}&apos; holds {kind} geometries; choose a polygon layer</source>
        <translation>MASK: '{layer}' enthält Geometrien vom Typ {kind}; wählen Sie eine Polygonebene</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="351"/>
        <source>MASK: cannot copy the mask&apos;s polygons: {error}</source>
        <translation>MASK: die Polygone der Maske können nicht kopiert werden: {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="107"/>
        <source>advanced; Auto runs half precision on a GPU (bf16, or fp16 where bf16 is missing) and, on CPUs with native bf16 (AVX-512 BF16 or AMX), bf16 with channels-last, about twice as fast as fp32 with the same class on over 99.5% of pixels; CPUs with AVX-VNNI but neither AVX-512 nor native bf16 use int8 when OpenVINO and NNCF are installed; other CPUs use fp32. FP32 gives the plain full-precision answer everywhere; FP16 needs a GPU; INT8 runs with OpenVINO on the CPU (pip install nncf), quantised once per model file on tiles of the first raster it runs on.</source>
        <translation>erweitert; Automatisch rechnet auf einer GPU in halber Genauigkeit (bf16, oder fp16, wo bf16 fehlt) und auf CPUs mit nativem bf16 (AVX-512 BF16 oder AMX) in bf16 mit Channels-last, etwa doppelt so schnell wie fp32 mit derselben Klasse auf über 99,5 % der Pixel; CPUs mit AVX-VNNI, aber ohne AVX-512 und ohne natives bf16 verwenden int8, wenn OpenVINO und NNCF installiert sind; andere CPUs verwenden fp32. FP32 liefert überall das einfache Ergebnis in voller Genauigkeit; FP16 braucht eine GPU; INT8 läuft mit OpenVINO auf der CPU (pip install nncf), einmal je Modelldatei auf Kacheln des ersten Rasters quantisiert, auf dem es läuft.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="93"/>
        <source>advanced; pixels per tile side, at least {min_tile}. Default: the model&apos;s tile size, and a raster (or window) up to twice that size a side runs as one tile, without overlap or seams (not with int8). Smaller tiles need less memory.</source>
        <translation>erweitert; Pixel je Kachelseite, mindestens {min_tile}. Vorgabe: die Kachelgröße des Modells, und ein Raster (oder Ausschnitt) bis zur doppelten Seitenlänge läuft als eine einzige Kachel, ohne Überlappung oder Nähte (nicht mit int8). Kleinere Kacheln brauchen weniger Speicher.</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="202"/>
        <source>Input raster</source>
        <translation>Eingaberaster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="56"/>
        <source>the image to learn from (a raster file GDAL can read).</source>
        <translation>das Bild, aus dem gelernt wird (eine Rasterdatei, die GDAL lesen kann).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="58"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="58"/>
        <source>either a class raster (pixel values are the classes; 255 and nodata are unlabelled; other grids and CRSs are warped onto the image) or polygons with a class field (rasterised onto the image grid; reprojected when on another CRS). Polygons without a class field are one class (named after the layer) on a background class 0: building footprints, say.</source>
        <translation>entweder ein Klassenraster (die Pixelwerte sind die Klassen; 255 und Leerwert bedeuten ohne Label; andere Gitter und KBS werden auf das Bild transformiert) oder Polygone mit einem Klassenfeld (auf das Gitter des Bildes rasterisiert; reprojiziert, wenn sie in einem anderen KBS liegen). Polygone ohne Klassenfeld sind eine Klasse (nach dem Layer benannt) auf einer Hintergrundklasse 0: zum Beispiel Gebäudegrundrisse.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="64"/>
        <source>Class field</source>
        <translation>Klassenfeld</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="64"/>
        <source>polygons only: a whole-number field keeps its values as class values; a text field gives classes 0..N-1 named by its values. Pixels outside polygons are unlabelled unless BACKGROUND is set.</source>
        <translation>nur für Polygone: ein Ganzzahlfeld behält seine Werte als Klassenwerte; ein Textfeld ergibt die Klassen 0..N-1, benannt nach seinen Werten. Pixel außerhalb der Polygone bleiben ohne Label, außer wenn BACKGROUND gesetzt ist.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="68"/>
        <source>Bands</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="68"/>
        <source>the raster bands to learn from, in order. Default: all.</source>
        <translation>die Rasterkanäle, aus denen gelernt wird, in dieser Reihenfolge. Vorgabe: alle.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="70"/>
        <source>Tile size</source>
        <translation>Kachelgröße</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="75"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="75"/>
        <source>passes over the training chips; 0 (the default) = no epoch limit: the time budget decides.</source>
        <translation>Durchläufe über die Trainingsausschnitte; 0 (die Vorgabe) = keine Begrenzung der Epochen: das Zeitbudget entscheidet.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="78"/>
        <source>Maximum minutes</source>
        <translation>Maximale Minuten</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="78"/>
        <source>time budget for the whole run, validation included; 0 = no limit. Training stops at whichever of EPOCHS and MAX_MINUTES is set and comes first (by default, after {minutes} minutes). Training stops in time and keeps the best checkpoint so far.</source>
        <translation>Zeitbudget für den gesamten Lauf, Validierung eingeschlossen; 0 = keine Begrenzung. Das Training endet bei dem von EPOCHS und MAX_MINUTES, das gesetzt ist und zuerst erreicht wird (standardmäßig nach {minutes} Minuten). Das Training endet rechtzeitig und behält den bisher besten Checkpoint.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="83"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="83"/>
        <source>chips per step; lower it if memory runs out.</source>
        <translation>Ausschnitte je Schritt; verringern Sie den Wert, wenn der Speicher nicht ausreicht.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="221"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="85"/>
        <source>Auto uses a CUDA GPU when present (bf16 mixed precision), else the CPU (fp32).</source>
        <translation>Automatisch verwendet eine CUDA-GPU, falls vorhanden (gemischte Präzision mit bf16), sonst die CPU (fp32).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="88"/>
        <source>Pretrained encoder</source>
        <translation>Vortrainierter Encoder</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="88"/>
        <source>start the encoder from ImageNet weights (downloads them from the Hugging Face hub unless cached); off by default, nothing is downloaded.</source>
        <translation>den Encoder mit ImageNet-Gewichten starten (lädt sie vom Hugging Face Hub herunter, sofern sie nicht im Cache liegen); standardmäßig aus, dann wird nichts heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="101"/>
        <source>Background class</source>
        <translation>Hintergrundklasse</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="101"/>
        <source>advanced; with a class field, pixels outside the polygons become a &apos;background&apos; class instead of unlabelled.</source>
        <translation>erweitert; mit einem Klassenfeld werden Pixel außerhalb der Polygone zu einer Klasse 'background', statt ohne Label zu bleiben.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="230"/>
        <source>Validation fraction</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="233"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="108"/>
        <source>advanced; AdamW peak learning rate (warm-up, then polynomial decay).</source>
        <translation>erweitert; maximale Lernrate von AdamW (Aufwärmphase, dann polynomieller Abfall).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="236"/>
        <source>Encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="126"/>
        <source>Encoder weights file</source>
        <translation>Encoder-Gewichtsdatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="126"/>
        <source>advanced; optional local pretrained weights for the chosen encoder: timm&apos;s state_dict of that network (.safetensors, or .pth read as weights only). For machines that cannot download; do not combine with PRETRAINED_ENCODER.</source>
        <translation>erweitert; optionale lokale vortrainierte Gewichte für den gewählten Encoder: das state_dict von timm für dieses Netz (.safetensors, oder .pth, nur als Gewichte gelesen). Für Rechner, die nichts herunterladen können; nicht mit PRETRAINED_ENCODER kombinieren.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="247"/>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="135"/>
        <source>the .safetensors model file to write.</source>
        <translation>die zu schreibende .safetensors-Modelldatei.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="138"/>
        <source>Training on a CPU is slow: expect minutes for a small scene. Needs torch, timm and safetensors in the Python that QGIS runs.</source>
        <translation>Training auf einer CPU ist langsam: rechnen Sie bei einer kleinen Szene mit Minuten. Benötigt torch, timm und safetensors in dem Python, mit dem QGIS läuft.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="189"/>
        <source>RemoteNet Train</source>
        <translation>RemoteNet Trainieren</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="192"/>
        <source>training,segmentation,deep learning,remotenet,model,labels</source>
        <translation>training,segmentierung,deep learning,remotenet,modell,labels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="195"/>
        <source>Trains a RemoteNet model from a raster and labels (class raster or polygons).</source>
        <translation>Trainiert ein RemoteNet-Modell aus einem Raster und Labels (Klassenraster oder Polygone).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="203"/>
        <source>Labels (class raster, or polygons)</source>
        <translation>Labels (Klassenraster oder Polygone)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="205"/>
        <source>Class field (polygons; empty: one class on a background)</source>
        <translation>Klassenfeld (Polygone; leer: eine Klasse auf einem Hintergrund)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="207"/>
        <source>Bands (default: all)</source>
        <translation>Kanäle (Vorgabe: alle)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="213"/>
        <source>Epochs (0: no limit, the time budget decides)</source>
        <translation>Epochen (0: keine Begrenzung, das Zeitbudget entscheidet)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="216"/>
        <source>Maximum minutes (0: no limit)</source>
        <translation>Maximale Minuten (0: keine Begrenzung)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="219"/>
        <source>Batch size (chips)</source>
        <translation>Batchgröße (Ausschnitte)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="222"/>
        <source>Start from an ImageNet-pretrained encoder (downloads)</source>
        <translation>Mit einem auf ImageNet vortrainierten Encoder starten (lädt herunter)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="228"/>
        <source>Pixels outside polygons are a background class</source>
        <translation>Pixel außerhalb der Polygone sind eine Hintergrundklasse</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="241"/>
        <source>Encoder weights file (timm .safetensors or .pth)</source>
        <translation>Encoder-Gewichtsdatei (timm .safetensors oder .pth)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="241"/>
        <source>Weights (*.safetensors *.pth *.pt)</source>
        <translation>Gewichte (*.safetensors *.pth *.pt)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="247"/>
        <source>RemoteNet model (*.safetensors)</source>
        <translation>RemoteNet-Modell (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="249"/>
        <source>Validation mIoU</source>
        <translation>mIoU (Validierung)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="250"/>
        <source>Validation overall accuracy</source>
        <translation>Gesamtgenauigkeit (Validierung)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="251"/>
        <source>Training steps</source>
        <translation>Trainingsschritte</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="252"/>
        <source>Epochs run</source>
        <translation>Durchlaufene Epochen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="253"/>
        <source>Device that trained the model</source>
        <translation>Gerät, auf dem das Modell trainiert wurde</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="254"/>
        <source>Classes (JSON)</source>
        <translation>Klassen (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="261"/>
        <source>INPUT: {value} is not a raster layer QGIS can open; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT: {value} ist kein Rasterlayer, den QGIS öffnen kann; wählen Sie eine Rasterdatei (zum Beispiel ein GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="265"/>
        <source>INPUT: layer &apos;{layer}&apos; comes from the &apos;{provider}&apos; provider; save it as a GeoTIFF first</source>
        <translation>INPUT: der Layer '{layer}' stammt vom Datenlieferanten '{provider}'; speichern Sie ihn zuerst als GeoTIFF</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="277"/>
        <source>BANDS: the raster has {count} band(s); it has no band {bands}</source>
        <translation>BANDS: das Raster hat {count} Kanal/Kanäle; einen Kanal {bands} hat es nicht</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="281"/>
        <source>TILE_SIZE: {tile} is too small; use at least {minimum} pixels</source>
        <translation>TILE_SIZE: {tile} ist zu klein; verwenden Sie mindestens {minimum} Pixel</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="286"/>
        <source>EPOCHS and MAX_MINUTES are both 0: nothing would stop the training; set an epoch count, a time budget, or both</source>
        <translation>EPOCHS und MAX_MINUTES sind beide 0: nichts würde das Training beenden; setzen Sie eine Epochenzahl, ein Zeitbudget oder beides</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="290"/>
        <source>BATCH_SIZE: {batch} must be at least 1 chip</source>
        <translation>BATCH_SIZE: {batch} muss mindestens 1 Ausschnitt sein</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="294"/>
        <source>ENCODER_WEIGHTS: {path} is not a file; give timm&apos;s weights for the chosen encoder, or leave it empty</source>
        <translation>ENCODER_WEIGHTS: {path} ist keine Datei; geben Sie die timm-Gewichte für den gewählten Encoder an oder lassen Sie das Feld leer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="299"/>
        <source>PRETRAINED_ENCODER and ENCODER_WEIGHTS both give starting weights; turn PRETRAINED_ENCODER off to use the local file</source>
        <translation>PRETRAINED_ENCODER und ENCODER_WEIGHTS geben beide Startgewichte vor; schalten Sie PRETRAINED_ENCODER aus, um die lokale Datei zu verwenden</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="341"/>
        <source>OUTPUT_MODEL: give a file name for the model (.safetensors)</source>
        <translation>OUTPUT_MODEL: geben Sie einen Dateinamen für das Modell an (.safetensors)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="343"/>
        <source>OUTPUT_MODEL: {path} must end in .safetensors (the model file format)</source>
        <translation>OUTPUT_MODEL: {path} muss auf .safetensors enden (das Format der Modelldatei)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="372"/>
        <source>Reading the raster and labels</source>
        <translation>Raster und Labels werden gelesen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="412"/>
        <source>Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); best validation mIoU {miou} at epoch {best_epoch}. Model written to {path}</source>
        <translation>Beendet durch {stopped_by} nach {steps} Schritten ({epochs} Epochen, {seconds} s); bestes Validierungs-mIoU {miou} in Epoche {best_epoch}. Modell geschrieben nach {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="437"/>
        <source>Training on {device} (bf16 mixed precision): {train} training and {val} validation chips, {steps} steps per epoch</source>
        <translation>Training auf {device} (gemischte Präzision mit bf16): {train} Trainings- und {val} Validierungsausschnitte, {steps} Schritte je Epoche</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="437"/>
        <source>Training on {device}: {train} training and {val} validation chips, {steps} steps per epoch</source>
        <translation>Training auf {device}: {train} Trainings- und {val} Validierungsausschnitte, {steps} Schritte je Epoche</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="449"/>
        <source>epoch {epoch}, step {step}, loss {loss}</source>
        <translation>Epoche {epoch}, Schritt {step}, Verlust {loss}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="481"/>
        <source>Validation at epoch {epoch}: mIoU {miou} (best so far)</source>
        <translation>Validierung in Epoche {epoch}: mIoU {miou} (bisher bestes)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="481"/>
        <source>Validation at epoch {epoch}: mIoU {miou}</source>
        <translation>Validierung in Epoche {epoch}: mIoU {miou}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="70"/>
        <source>chip side in pixels (at least {min_tile}); also the tile size stored for Segment. 0 (the default): chosen from the raster&apos;s size and the spread of the labels (256 for a large scene with dense labels, 128 or less for a small scene or a few polygons), and said in the log.</source>
        <translation>Seitenlänge der Ausschnitte in Pixeln (mindestens {min_tile}); auch die für Segment gespeicherte Kachelgröße. 0 (Standard): aus der Rastergröße und der Verteilung der Beschriftungen gewählt (256 für eine große Szene mit dichten Beschriftungen, 128 oder weniger für eine kleine Szene oder wenige Polygone) und im Protokoll genannt.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="105"/>
        <source>advanced; share of the labelled pixels held out to validate, as whole objects (at least one object of each class that has two).</source>
        <translation>erweitert; Anteil der beschrifteten Pixel, der zur Validierung zurückgehalten wird, als ganze Objekte (mindestens ein Objekt jeder Klasse, die zwei hat).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="110"/>
        <source>advanced; resnet18 (the default) is a CNN encoder feeding RemoteNet&apos;s decoder: faster on a CPU and learns more from random weights and few labels (on a held-out road scene, docs/training.md: road IoU 0.55-0.57 after 8 minutes on 2 CPU cores); pvt_v2_b1 is the reference RemoteNet encoder. The model file records which one it is; Segment and Evaluate read either.</source>
        <translation>erweitert; resnet18 (Standard) ist ein CNN-Encoder vor dem Decoder von RemoteNet: schneller auf einer CPU und lernt mehr aus zufälligen Gewichten und wenigen Beschriftungen (auf einer zurückgehaltenen Straßenszene, docs/training.md: Straßen-IoU 0,55-0,57 nach 8 Minuten auf 2 CPU-Kernen); pvt_v2_b1 ist der Referenz-Encoder von RemoteNet. Die Modelldatei vermerkt, welcher es ist; Segment und Evaluate lesen beide.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="210"/>
        <source>Tile size (pixels; 0: chosen from the scene)</source>
        <translation>Kachelgröße (Pixel; 0: aus der Szene gewählt)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="461"/>
        <source>Validation is too small to choose a checkpoint ({pixels} validation pixels; per class {per_class}; needed: {min_pixels} in all and {min_class} per class): the moving average of the weights at the end is kept.</source>
        <translation>Die Validierung ist zu klein, um einen Stand zu wählen ({pixels} Validierungspixel; je Klasse {per_class}; nötig: {min_pixels} insgesamt und {min_class} je Klasse): der gleitende Mittelwert der Gewichte am Ende wird behalten.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="461"/>
        <source>The weights at the end of training are kept (checkpoint rule &apos;last&apos;).</source>
        <translation>Die Gewichte am Ende des Trainings werden behalten (Regel 'last').</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="92"/>
        <source>Initial model</source>
        <translation>Ausgangsmodell</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="92"/>
        <source>optional; fine-tuning: start from this RemoteNet model file (.safetensors) instead of random weights. Its encoder is used (ENCODER does not apply; the log says so). It must take as many bands as the training uses (without BANDS: the bands it lists). Labels with its classes (values and names) continue with its classification head; other classes get a new head (the log names the re-initialised layers; rows of classes with the same name are kept), every other weight is the model&apos;s. Its normalisation is kept unless RECOMPUTE_NORMALISATION is on. The new model file names its parent (header initial_model: file name and SHA-256). Not with PRETRAINED_ENCODER or ENCODER_WEIGHTS.</source>
        <translation>optional; Feinabstimmung: von dieser RemoteNet-Modelldatei (.safetensors) statt von Zufallsgewichten ausgehen. Ihr Encoder wird verwendet (ENCODER gilt nicht; das Protokoll sagt es). Sie muss so viele Kanäle nehmen, wie das Training verwendet (ohne BANDS: die Kanäle, die sie nennt). Labels mit ihren Klassen (Werte und Namen) lernen mit ihrem Klassifikationskopf weiter; andere Klassen bekommen einen neuen Kopf (das Protokoll nennt die neu initialisierten Schichten; Zeilen von Klassen gleichen Namens bleiben), alle anderen Gewichte sind die des Modells. Ihre Normalisierung bleibt, außer RECOMPUTE_NORMALISATION ist an. Die neue Modelldatei nennt ihr Ausgangsmodell (Header initial_model: Dateiname und SHA-256). Nicht mit PRETRAINED_ENCODER oder ENCODER_WEIGHTS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="131"/>
        <source>Recompute normalisation</source>
        <translation>Normalisierung neu berechnen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="131"/>
        <source>advanced; with INITIAL_MODEL: compute the normalisation from the training pixels instead of keeping the initial model&apos;s (for imagery scaled differently from what it learned on).</source>
        <translation>erweitert; mit INITIAL_MODEL: die Normalisierung aus den Trainingspixeln berechnen, statt die des Ausgangsmodells zu behalten (für Bilder, die anders skaliert sind als die, auf denen es gelernt hat).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="225"/>
        <source>Initial model: fine-tune this RemoteNet model file (optional)</source>
        <translation>Ausgangsmodell: diese RemoteNet-Modelldatei feinabstimmen (optional)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="244"/>
        <source>Recompute the initial model&apos;s normalisation from the training pixels</source>
        <translation>Normalisierung des Ausgangsmodells aus den Trainingspixeln neu berechnen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="306"/>
        <source>INITIAL_MODEL: the initial model gives every starting weight; leave PRETRAINED_ENCODER off and ENCODER_WEIGHTS empty</source>
        <translation>INITIAL_MODEL: das Ausgangsmodell liefert alle Startgewichte; lassen Sie PRETRAINED_ENCODER aus und ENCODER_WEIGHTS leer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="116"/>
        <source>Spectral head</source>
        <translation>Spektraler Kopf</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="238"/>
        <source>Spectral head: each pixel&apos;s bands straight to the classifier</source>
        <translation>Spektraler Kopf: die Kanäle jedes Pixels direkt zum Klassifikator</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="406"/>
        <source>Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); no held-out validation score. Model written to {path}</source>
        <translation>Beendet durch {stopped_by} nach {steps} Schritten ({epochs} Epochen, {seconds} s); kein Validierungswert auf zurückgehaltenen Daten. Modell geschrieben nach {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="453"/>
        <source>Validation is too small to choose a checkpoint ({pixels} validation pixels; per class {per_class}; needed: {min_pixels} in all and {min_class} per class): its objects are trained on as well, and the moving average of the weights at the end is kept. No held-out score is reported: score the model with RemoteNet Evaluate on other polygons.</source>
        <translation>Die Validierung ist zu klein, um einen Stand zu wählen ({pixels} Validierungspixel; je Klasse {per_class}; nötig: {min_pixels} insgesamt und {min_class} je Klasse): ihre Objekte werden mittrainiert, und der gleitende Mittelwert der Gewichte am Ende wird behalten. Es wird kein Wert auf zurückgehaltenen Daten angegeben: bewerten Sie das Modell mit RemoteNet Evaluieren an anderen Polygonen.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="42"/>
        <source>Trains a RemoteNet model on a raster layer and its labels, and writes a model file (.safetensors) that RemoteNet Segment reads. Chips are cut from the labelled area. To validate, whole labelled objects (polygons, or patches of a class raster) are held out so that every class with two or more objects has validation pixels, and no training chip holds a validation pixel. Training draws chips class by class, so rare classes count as much as common ones; the checkpoint with the best validation mIoU is kept, or, when validation is too small to choose one (a few polygons; the log says so, with its pixel counts), its objects are trained on too and the moving average of the weights at the end is kept. With the spectral head (SPECTRAL_HEAD), a per-pixel classifier is first fitted on every labelled pixel, and the network learns what it gets wrong. The model file carries the classes (values, names, colours), bands, normalisation (computed from the training pixels), tile size, pixel size, a description of the data and the validation metrics.</source>
        <translation>Trainiert ein RemoteNet-Modell auf einem Rasterlayer und seinen Beschriftungen und schreibt eine Modelldatei (.safetensors), die RemoteNet Segment liest. Ausschnitte werden aus dem beschrifteten Bereich geschnitten. Zur Validierung werden ganze beschriftete Objekte (Polygone oder zusammenhängende Flächen eines Klassenrasters) zurückgehalten, sodass jede Klasse mit zwei oder mehr Objekten Validierungspixel hat und kein Trainingsausschnitt ein Validierungspixel enthält. Das Training zieht Ausschnitte Klasse für Klasse, sodass seltene Klassen so viel zählen wie häufige; behalten wird der Stand mit der besten Validierungs-mIoU oder, wenn die Validierung zu klein für diese Wahl ist (wenige Polygone; das Protokoll sagt es, mit ihren Pixelzahlen), werden ihre Objekte mittrainiert und der gleitende Mittelwert der Gewichte am Ende behalten. Mit dem spektralen Kopf (SPECTRAL_HEAD) wird zuerst ein Klassifikator je Pixel an allen beschrifteten Pixeln angepasst, und das Netz lernt, was dieser falsch macht. Die Modelldatei enthält die Klassen (Werte, Namen, Farben), Bänder, Normalisierung (aus den Trainingspixeln berechnet), Kachelgröße, Pixelgröße, eine Beschreibung der Daten und die Validierungsmetriken.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="116"/>
        <source>advanced; on: a small per-pixel network over the band values (fitted first on every labelled pixel, as a random forest is) whose votes are added to the decoder&apos;s at full resolution; the decoder then learns what the spectrum alone gets wrong. It helps where a class is mostly its spectrum (a few polygons over a 10 or 30 m scene) and hurt on a 0.3 m road scene, where shapes matter (docs/training.md). off: the decoder alone, as in the reference. auto (the default): on for pixels of 2 m and coarser, or, where the pixel size in metres is unknown, for labels covering under a quarter of the raster; the log says which. With INITIAL_MODEL the initial model&apos;s design is kept.</source>
        <translation>erweitert; on: ein kleines Netz je Pixel über die Kanalwerte (zuerst an allen beschrifteten Pixeln angepasst, wie ein Random Forest), dessen Stimmen in voller Auflösung zu denen des Decoders addiert werden; der Decoder lernt dann, was das Spektrum allein falsch macht. Es hilft, wo eine Klasse vor allem ihr Spektrum ist (wenige Polygone über einer 10- oder 30-m-Szene), und schadete auf einer Straßenszene mit 0,3 m, wo Formen zählen (docs/training.md). off: der Decoder allein, wie in der Referenz. auto (Standard): an für Pixel ab 2 m oder, wo die Pixelgröße in Metern unbekannt ist, für Beschriftungen, die weniger als ein Viertel des Rasters abdecken; das Protokoll sagt, was gilt. Mit INITIAL_MODEL bleibt der Aufbau des Ausgangsmodells.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="472"/>
        <source>Validation ({pixels} pixels) chose to keep {percent} % of the decoder&apos;s output beside the spectral head (mIoU {miou}; {whole} with all of it).</source>
        <translation>Die Validierung ({pixels} Pixel) hat entschieden, {percent} % der Ausgabe des Decoders neben dem Spektralkopf zu behalten (mIoU {miou}; mit der ganzen Ausgabe {whole}).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="472"/>
        <source>{percent} % of the decoder&apos;s output is kept beside the spectral head: with labels too few for validation to choose, the decoder learns the training polygons by their surroundings and would overrule the spectrum elsewhere.</source>
        <translation>{percent} % der Ausgabe des Decoders bleiben neben dem Spektralkopf erhalten: Bei zu wenigen Labels für eine Wahl durch die Validierung lernt der Decoder die Trainingspolygone an ihrer Umgebung und würde anderswo das Spektrum überstimmen.</translation>
    </message>
</context>
</TS>
