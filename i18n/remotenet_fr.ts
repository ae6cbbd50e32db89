<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="25"/>
        <source>Measures a classified raster (for example RemoteNet Segment&apos;s output) against reference labels. Class &lt;i&gt;values&lt;/i&gt; are compared, pixel by pixel, on the classified raster&apos;s grid; pixels that are 255 or nodata on either side are not counted.&lt;br&gt;&lt;br&gt;&lt;b&gt;Classified raster&lt;/b&gt; (INPUT): band 1 holds class values (UInt8, 255 = nodata).&lt;br&gt;&lt;b&gt;Reference&lt;/b&gt; (REFERENCE): a class raster (warped onto the classified grid when needed) or polygons. Polygons without a class field are class 1 on a background of class 0 (footprints, as RemoteNet Train reads them).&lt;br&gt;&lt;b&gt;Class field&lt;/b&gt; (CLASS_FIELD): polygons only; whole numbers are class values, text is matched to the classified raster&apos;s class names. Pixels outside polygons are not counted unless BACKGROUND is set.&lt;br&gt;&lt;b&gt;Table&lt;/b&gt; (OUTPUT_TABLE): CSV with IoU, F1, precision, recall and pixel counts per class, and a summary row.&lt;br&gt;&lt;b&gt;Report&lt;/b&gt; (OUTPUT_HTML): the same with the confusion matrix.&lt;br&gt;&lt;br&gt;Results: MIOU, OA (overall accuracy), KAPPA (Cohen&apos;s), MEAN_F1, PER_CLASS and CONFUSION_MATRIX (JSON).</source>
        <translation>Mesure un raster classifié (par exemple la sortie de RemoteNet Segmenter) par rapport à des étiquettes de référence. Les &lt;i&gt;valeurs&lt;/i&gt; des classes sont comparées, pixel par pixel, sur la grille du raster classifié ; les pixels qui valent 255 ou NoData d'un côté ou de l'autre ne sont pas comptés.&lt;br&gt;&lt;br&gt;&lt;b&gt;Raster classifié&lt;/b&gt; (INPUT) : la bande 1 contient les valeurs des classes (UInt8, 255 = NoData).&lt;br&gt;&lt;b&gt;Référence&lt;/b&gt; (REFERENCE) : un raster de classes (ré-échantillonné sur la grille du raster classifié si nécessaire) ou des polygones. Les polygones sans champ de classe forment la classe 1 sur un fond de classe 0 (emprises au sol, comme RemoteNet Entraîner les lit).&lt;br&gt;&lt;b&gt;Champ de classe&lt;/b&gt; (CLASS_FIELD) : polygones uniquement ; les nombres entiers sont des valeurs de classe, un texte est rapproché des noms des classes du raster classifié. Les pixels hors des polygones ne sont pas comptés, sauf si BACKGROUND est activé.&lt;br&gt;&lt;b&gt;Tableau&lt;/b&gt; (OUTPUT_TABLE) : CSV avec l'IoU, le F1, la précision, le rappel et le nombre de pixels de chaque classe, plus une ligne de synthèse.&lt;br&gt;&lt;b&gt;Rapport&lt;/b&gt; (OUTPUT_HTML) : les mêmes résultats avec la matrice de confusion.&lt;br&gt;&lt;br&gt;Résultats : MIOU, OA (précision globale), KAPPA (de Cohen), MEAN_F1, PER_CLASS et CONFUSION_MATRIX (JSON).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="53"/>
        <source>RemoteNet Evaluate</source>
        <translation>RemoteNet Évaluer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="56"/>
        <source>accuracy,evaluation,iou,miou,confusion matrix,kappa,remotenet</source>
        <translation>précision,évaluation,iou,miou,matrice de confusion,kappa,remotenet</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="59"/>
        <source>Per-class IoU/F1, mIoU, overall accuracy, kappa and confusion matrix of a classified raster.</source>
        <translation>IoU/F1 par classe, mIoU, précision globale, kappa et matrice de confusion d'un raster classifié.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="65"/>
        <source>Classified raster</source>
        <translation>Raster classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="66"/>
        <source>Reference labels (class raster, or polygons)</source>
        <translation>Étiquettes de référence (raster de classes ou polygones)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="68"/>
        <source>Class field (polygons; empty: class 1 on background 0)</source>
        <translation>Champ de classe (polygones ; vide : classe 1 sur un fond 0)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="70"/>
        <source>Pixels outside polygons are background (class field given)</source>
        <translation>Les pixels hors des polygones sont du fond (avec un champ de classe)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="73"/>
        <source>Metrics table</source>
        <translation>Tableau des métriques</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="73"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="75"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="75"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="77"/>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="78"/>
        <source>Overall accuracy</source>
        <translation>Précision globale</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="79"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Kappa de Cohen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="80"/>
        <source>Mean F1</source>
        <translation>F1 moyen</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="81"/>
        <source>Pixels compared</source>
        <translation>Pixels comparés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="82"/>
        <source>Per-class metrics (JSON)</source>
        <translation>Métriques par classe (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="83"/>
        <source>Confusion matrix (JSON)</source>
        <translation>Matrice de confusion (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="90"/>
        <source>INPUT: {value} is not a raster file QGIS can open; choose the classified GeoTIFF</source>
        <translation>INPUT : {value} n'est pas un fichier raster que QGIS peut ouvrir ; choisissez le GeoTIFF classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="116"/>
        <source>OUTPUT_TABLE: {path} must end in .csv</source>
        <translation>OUTPUT_TABLE : {path} doit se terminer par .csv</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="118"/>
        <source>OUTPUT_HTML: {path} must end in .html</source>
        <translation>OUTPUT_HTML : {path} doit se terminer par .html</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="139"/>
        <source>class {value} ({name}): IoU {iou}, F1 {f1}, precision {precision}, recall {recall}</source>
        <translation>classe {value} ({name}) : IoU {iou}, F1 {f1}, précision {precision}, rappel {recall}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="142"/>
        <source>mIoU {miou}, overall accuracy {oa}, kappa {kappa}; {pixels} pixels compared</source>
        <translation>mIoU {miou}, précision globale {oa}, kappa {kappa} ; {pixels} pixels comparés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/evaluate_algorithm.py" line="159"/>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
</context>
<context>
    <name>InstallerDialog</name>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="42"/>
        <source>RemoteNet: install PyTorch, timm and safetensors</source>
        <translation>RemoteNet : installer PyTorch, timm et safetensors</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="67"/>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="80"/>
        <source>Working out what to install (pip, QGIS's numpy, the package indexes)…</source>
        <translation>Recherche de ce qu'il faut installer (pip, numpy de QGIS, index de paquets)…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="97"/>
        <source>Cannot install from here: {error}</source>
        <translation>Impossible d'installer depuis cette fenêtre : {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="102"/>
        <source>Missing: {packages}.</source>
        <translation>Manquants : {packages}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="102"/>
        <source>RemoteNet will install these packages into a folder of its own in your QGIS profile (not into QGIS&apos;s Python):</source>
        <translation>RemoteNet va installer ces paquets dans un dossier qui lui est propre, dans votre profil QGIS (et non dans le Python de QGIS) :</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="119"/>
        <source>Starting pip…</source>
        <translation>Démarrage de pip…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_dialog.py" line="137"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>LabelsLayer</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="42"/>
        <source>{parameter}: {value} is not a layer QGIS can open; choose a class raster or a polygon layer</source>
        <translation>{parameter} : {value} n'est pas une couche que QGIS peut ouvrir ; choisissez un raster de classes ou une couche de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="47"/>
        <source>CLASS_FIELD: {parameter} &apos;{layer}&apos; is a raster: its pixel values are the classes; leave CLASS_FIELD empty</source>
        <translation>CLASS_FIELD : {parameter} '{layer}' est un raster : les valeurs de ses pixels sont les classes ; laissez CLASS_FIELD vide</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="51"/>
        <source>{parameter}: raster &apos;{layer}&apos; is not a file GDAL reads; save it as a GeoTIFF first</source>
        <translation>{parameter} : le raster '{layer}' n'est pas un fichier que GDAL peut lire ; enregistrez-le d'abord en GeoTIFF</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="56"/>
        <source>{parameter}: &apos;{layer}&apos; is neither a raster nor a vector layer</source>
        <translation>{parameter} : '{layer}' n'est ni une couche raster ni une couche vecteur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="60"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="61"/>
        <source>CLASS_FIELD: {parameter} has no field &apos;{field}&apos;; fields: {names}</source>
        <translation>CLASS_FIELD : {parameter} n'a pas de champ '{field}' ; champs : {names}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/layer_files.py" line="73"/>
        <source>{parameter}: could not copy layer &apos;{layer}&apos;: {error}</source>
        <translation>{parameter} : impossible de copier la couche '{layer}' : {error}</translation>
    </message>
</context>
<context>
    <name>RemoteNet</name>
    <message>
        <location filename="../remotenet_plugin/dependencies.py" line="98"/>
        <source>RemoteNet needs the Python packages {packages}; these cannot be imported:
{problems}
{instructions}</source>
        <translation>RemoteNet a besoin des paquets Python {packages} ; ceux-ci ne peuvent pas être importés :
{problems}
{instructions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="238"/>
        <source>cannot mosaic the chunk parts: {gdal_error}</source>
        <translation>impossible d'assembler en mosaïque les parties des blocs : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/assemble.py" line="61"/>
        <source>writing {out_path} failed: {gdal_error}</source>
        <translation>l'écriture de {out_path} a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/blend/rows.py" line="33"/>
        <source>the network produced NaN or infinite values; check the model file, the input scaling in its header, or use precision &apos;fp32&apos;</source>
        <translation>le réseau a produit des valeurs NaN ou infinies ; vérifiez le fichier du modèle, la mise à l'échelle des entrées indiquée dans son en-tête, ou utilisez la précision 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="74"/>
        <source>{tile_size!r} must be a whole number of at least {min_tile} pixels</source>
        <translation>{tile_size!r} doit être un nombre entier d'au moins {min_tile} pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="79"/>
        <source>{tile} is too small; use at least {min_tile} pixels</source>
        <translation>{tile} est trop petit ; utilisez au moins {min_tile} pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="84"/>
        <source>{overlap} must be at least 0 and less than half the tile size ({tile} px): use at most {value}</source>
        <translation>{overlap} doit être supérieur ou égal à 0 et inférieur à la moitié de la taille des tuiles ({tile} px) : utilisez au plus {value}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="92"/>
        <source>{batch_size!r} must be a whole number from 1 to {max_batch} tiles</source>
        <translation>{batch_size!r} doit être un nombre entier de 1 à {max_batch} tuiles</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="98"/>
        <source>{device!r} is not one of {devices}</source>
        <translation>{device!r} n'est pas l'une des valeurs {devices}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="103"/>
        <source>{precision!r} is not one of {precisions}</source>
        <translation>{precision!r} n'est pas l'une des valeurs {precisions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="107"/>
        <source>&apos;fp16&apos; needs a CUDA GPU; on the CPU use &apos;bf16&apos; or &apos;fp32&apos;</source>
        <translation>'fp16' nécessite un GPU CUDA ; sur le CPU, utilisez 'bf16' ou 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="111"/>
        <source>{runtime!r} is not one of {runtimes}</source>
        <translation>{runtime!r} n'est pas l'une des valeurs {runtimes}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="116"/>
        <source>&apos;openvino&apos; runs on the CPU only, not {device}; choose the device CPU or the runtime Auto</source>
        <translation>'openvino' ne fonctionne que sur le CPU, pas sur {device} ; choisissez le périphérique CPU ou le moteur d'exécution Automatique</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="135"/>
        <source>{blend!r} is not one of &apos;smooth&apos;, &apos;crop&apos;</source>
        <translation>{blend!r} n'est pas l'une des valeurs 'smooth', 'crop'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="138"/>
        <source>{confidence_type!r} is not one of &apos;float32&apos;, &apos;uint8&apos;</source>
        <translation>{confidence_type!r} n'est pas l'une des valeurs 'float32', 'uint8'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="142"/>
        <source>{min_area} must be 0 or more square metres</source>
        <translation>{min_area} doit valoir 0 mètre carré ou plus</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="145"/>
        <source>{simplify} must be 0 or more map units</source>
        <translation>{simplify} doit valoir 0 unité de carte ou plus</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="154"/>
        <source>{chunk_size!r} must be a whole number of at least {min_tile} pixels (default {default_chunk_px})</source>
        <translation>{chunk_size!r} doit être un nombre entier d'au moins {min_tile} pixels (par défaut {default_chunk_px})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="165"/>
        <source>the TLS file {path} ({name}) does not exist; give the files of the certificates made for this cluster</source>
        <translation>le fichier TLS {path} ({name}) n'existe pas ; indiquez les fichiers des certificats créés pour ce cluster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="182"/>
        <source>{path} is the input raster; choose another file name so the input is kept</source>
        <translation>{path} est le raster en entrée ; choisissez un autre nom de fichier pour que l'entrée soit conservée</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="186"/>
        <source>{path} is also the {seen}; give each output its own file</source>
        <translation>{path} sert déjà pour {seen} ; donnez à chaque sortie son propre fichier</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="191"/>
        <source>{path} is not a {what} file name; RemoteNet writes {what} ({extensions}): change the file name&apos;s extension</source>
        <translation>{path} n'est pas un nom de fichier {what} ; RemoteNet écrit des fichiers {what} ({extensions}) : changez l'extension du nom de fichier</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="196"/>
        <source>{path}: the folder {folder} does not exist; create it or choose another</source>
        <translation>{path} : le dossier {folder} n'existe pas ; créez-le ou choisissez-en un autre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="200"/>
        <source>{path}: the folder {folder} is not writable; choose another place</source>
        <translation>{path} : le dossier {folder} n'est pas accessible en écriture ; choisissez un autre emplacement</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="254"/>
        <source>{source} refers to {path}, which does not exist; restore that file or rebuild the virtual raster</source>
        <translation>{source} fait référence à {path}, qui n'existe pas ; restaurez ce fichier ou reconstruisez le raster virtuel</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="265"/>
        <source>band {repeated} is chosen more than once ({chosen}); choose each band once, in the order the model takes them</source>
        <translation>la bande {repeated} est choisie plus d'une fois ({chosen}) ; choisissez chaque bande une seule fois, dans l'ordre où le modèle les attend</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="280"/>
        <source>{extent} is {value:g} x {value2:g} map units, smaller than one pixel ({pixel_w:g} x {pixel_h:g}); give an extent of at least one pixel in the raster&apos;s CRS</source>
        <translation>{extent} mesure {value:g} x {value2:g} unités de carte, moins qu'un pixel ({pixel_w:g} x {pixel_h:g}) ; donnez une emprise d'au moins un pixel dans le SCR du raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="94"/>
        <source>chunk {rect} is not inside the {width} x {height} class raster {classes_path}</source>
        <translation>le bloc {rect} n'est pas à l'intérieur du raster de classes {classes_path} de {width} x {height}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="114"/>
        <source>{path}: cannot open the class raster ({gdal_error})</source>
        <translation>{path} : impossible d'ouvrir le raster de classes ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="147"/>
        <source>sieving chunk {rect} failed: {gdal_error}</source>
        <translation>le tamisage du bloc {rect} a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="162"/>
        <source>polygonising chunk {rect} failed: {gdal_error}</source>
        <translation>la polygonisation du bloc {rect} a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="314"/>
        <source>burning polygon ids failed: {gdal_error}</source>
        <translation>la rasterisation des identifiants des polygones a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="184"/>
        <source>{confidence_path}: cannot open the confidence raster ({gdal_error})</source>
        <translation>{confidence_path} : impossible d'ouvrir le raster de confiance ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="213"/>
        <source>{piece_path}: cannot create the polygon piece ({gdal_error}); check the work folder is writable and has space</source>
        <translation>{piece_path} : impossible de créer le fragment de polygones ({gdal_error}) ; vérifiez que le dossier de travail est accessible en écriture et qu'il reste de l'espace libre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="246"/>
        <source>{piece_path}: writing the polygon piece failed ({gdal_error})</source>
        <translation>{piece_path} : l'écriture du fragment de polygones a échoué ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="387"/>
        <source>{path}: cannot read the polygon piece ({gdal_error})</source>
        <translation>{path} : impossible de lire le fragment de polygones ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="437"/>
        <source>{pieces}: polygon {fid} is missing from the piece</source>
        <translation>{pieces} : le polygone {fid} manque dans le fragment</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="473"/>
        <source>merging {members_count} polygons across chunk seams failed: {gdal_error}</source>
        <translation>la fusion de {members_count} polygones à travers les jointures des blocs a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_task.py" line="107"/>
        <source>Dask worker {worker_address}: {detail} (every worker must be able to open the same paths: use a shared file system, or a GDAL /vsi path for the input)</source>
        <translation>Worker Dask {worker_address} : {detail} (chaque worker doit pouvoir ouvrir les mêmes chemins : utilisez un système de fichiers partagé, ou un chemin GDAL /vsi pour l'entrée)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_task.py" line="160"/>
        <source>Dask worker {where}: {detail}</source>
        <translation>Worker Dask {where} : {detail}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="102"/>
        <source>a run on a Dask scheduler needs a model file every worker can open, not an in-memory model</source>
        <translation>une exécution sur un ordonnanceur Dask nécessite un fichier de modèle que chaque worker peut ouvrir, et non un modèle en mémoire</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="233"/>
        <source>the network returned shape {shape} for tiles of {shape2}; expected {num_classes} classes at the tile&apos;s size (the header&apos;s classes must match the network)</source>
        <translation>le réseau a renvoyé la forme {shape} pour des tuiles de {shape2} ; {num_classes} classes étaient attendues à la taille de la tuile (les classes de l'en-tête doivent correspondre au réseau)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="44"/>
        <source>a Dask scheduler was given but dask.distributed is not installed in this Python; install it with `pip install &quot;dask[distributed]&quot;`, or leave the scheduler empty to run in this process</source>
        <translation>un ordonnanceur Dask a été indiqué mais dask.distributed n'est pas installé dans ce Python ; installez-le avec `pip install &quot;dask[distributed]&quot;`, ou laissez l'ordonnanceur vide pour exécuter dans ce processus</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="56"/>
        <source>{address} is not a Dask scheduler address; give tcp://host:port or tls://host:port</source>
        <translation>{address} n'est pas une adresse d'ordonnanceur Dask ; indiquez tcp://hôte:port ou tls://hôte:port</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="62"/>
        <source>{address} has no port; give tcp://host:port (a Dask scheduler listens on 8786 unless told otherwise)</source>
        <translation>{address} n'a pas de port ; indiquez tcp://hôte:port (un ordonnanceur Dask écoute sur le port 8786, sauf indication contraire)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="57"/>
        <source>cannot connect to {address}: {err}. A tls:// scheduler needs this cluster&apos;s CA certificate, a client certificate and its key: give them (command line: --tls-ca-file, --tls-cert, --tls-key), or set DASK_DISTRIBUTED__COMM__TLS__CA_FILE and DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT/KEY</source>
        <translation>impossible de se connecter à {address} : {err}. Un ordonnanceur tls:// nécessite le certificat de l'autorité de certification (CA) de ce cluster, un certificat client et sa clé : indiquez-les (en ligne de commande : --tls-ca-file, --tls-cert, --tls-key), ou définissez DASK_DISTRIBUTED__COMM__TLS__CA_FILE et DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT/KEY</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="64"/>
        <source>cannot reach the Dask scheduler at {address} within {connect_timeout_s} s ({err}); check the address and that `dask scheduler` is running there</source>
        <translation>impossible de joindre l'ordonnanceur Dask à l'adresse {address} en {connect_timeout_s} s ({err}) ; vérifiez l'adresse et que `dask scheduler` y est bien lancé</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="85"/>
        <source>cannot open the classified raster {classified}: {err}</source>
        <translation>impossible d'ouvrir le raster classifié {classified} : {err}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="109"/>
        <source>{classified} holds values outside 0..255: not a classified raster</source>
        <translation>{classified} contient des valeurs hors de 0..255 : ce n'est pas un raster classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="125"/>
        <source>no pixel is both labelled in the reference and classified: the reference does not overlap the classified raster (or one of them is all nodata)</source>
        <translation>aucun pixel n'est à la fois étiqueté dans la référence et classifié : la référence ne recouvre pas le raster classifié (ou l'un des deux est entièrement NoData)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="161"/>
        <source>the reference polygons do not overlap the classified raster: they cover {extent_text}, the raster covers {extent_text2} (in the raster&apos;s CRS)</source>
        <translation>les polygones de référence ne recouvrent pas le raster classifié : ils couvrent {extent_text}, le raster couvre {extent_text2} (dans le SCR du raster)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="168"/>
        <source>{path} is a raster: its pixel values are the classes, so it takes no class field</source>
        <translation>{path} est un raster : les valeurs de ses pixels sont les classes, il ne prend donc pas de champ de classe</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="176"/>
        <source>the reference raster is on another grid than the classified raster and one of them has no CRS; give both a CRS</source>
        <translation>le raster de référence est sur une autre grille que le raster classifié et l'un des deux n'a pas de SCR ; attribuez un SCR aux deux</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/files.py" line="72"/>
        <source>cannot move the outputs into place ({err}); check the output folder</source>
        <translation>impossible de mettre les sorties en place ({err}) ; vérifiez le dossier de sortie</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="36"/>
        <source>precision {precision!r} is not one of {precisions}</source>
        <translation>la précision {precision!r} n'est pas l'une des valeurs {precisions}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="47"/>
        <source>precision &apos;fp16&apos; needs a CUDA GPU; on the CPU use &apos;bf16&apos; or &apos;fp32&apos;</source>
        <translation>la précision 'fp16' nécessite un GPU CUDA ; sur le CPU, utilisez 'bf16' ou 'fp32'</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="209"/>
        <source>the GPU ran out of memory on a single tile; choose a smaller tile size or the CPU</source>
        <translation>le GPU a manqué de mémoire sur une seule tuile ; choisissez une taille de tuile plus petite ou le CPU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="55"/>
        <source>{path} is a raster: its pixel values are the classes, so it takes no class field (got {class_field!r})</source>
        <translation>{path} est un raster : les valeurs de ses pixels sont les classes, il ne prend donc pas de champ de classe ({class_field!r} indiqué)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="72"/>
        <source>{path} is on another grid than the image and one of them has no CRS; give both a CRS (or put the labels on the image grid)</source>
        <translation>{path} est sur une autre grille que l'image et l'un des deux n'a pas de SCR ; attribuez un SCR aux deux (ou placez les étiquettes sur la grille de l'image)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="103"/>
        <source>label raster values must be whole numbers 0..254 (255 = unlabelled); found {tolist}</source>
        <translation>les valeurs du raster d'étiquettes doivent être des nombres entiers de 0 à 254 (255 = non étiqueté) ; valeurs trouvées : {tolist}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="161"/>
        <source>{path}: no polygon with a class to rasterise{value}</source>
        <translation>{path} : aucun polygone avec une classe à rasteriser{value}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="180"/>
        <source>class values must be 0..254 (255 = unlabelled); {class_field!r} holds {used}</source>
        <translation>les valeurs de classe doivent être comprises entre 0 et 254 (255 = non étiqueté) ; {class_field!r} contient {used}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="194"/>
        <source>class names {unknown} in {class_field!r} are not classes of the classified raster ({name_to_value})</source>
        <translation>les noms de classe {unknown} de {class_field!r} ne sont pas des classes du raster classifié ({name_to_value})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="240"/>
        <source>{path}: cannot open the labels as a vector layer ({err})</source>
        <translation>{path} : impossible d'ouvrir les étiquettes comme couche vecteur ({err})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="244"/>
        <source>{path}: no vector layer to read labels from</source>
        <translation>{path} : aucune couche vecteur où lire les étiquettes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="248"/>
        <source>{path}: no layer named {layer_name!r}</source>
        <translation>{path} : aucune couche nommée {layer_name!r}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="260"/>
        <source>the labels have no field {class_field!r}; fields: {fields}</source>
        <translation>les étiquettes n'ont pas de champ {class_field!r} ; champs : {fields}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="283"/>
        <source>class field {class_field!r} holds {key}: numeric classes must be whole numbers 0..254</source>
        <translation>le champ de classe {class_field!r} contient {key} : les classes numériques doivent être des nombres entiers de 0 à 254</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="317"/>
        <source>the raster has no CRS but the labels do; assign the raster a CRS first</source>
        <translation>le raster n'a pas de SCR mais les étiquettes en ont un ; attribuez d'abord un SCR au raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="330"/>
        <source>{path}: cannot reproject the labels onto the raster&apos;s CRS ({err}); reproject them first</source>
        <translation>{path} : impossible de reprojeter les étiquettes dans le SCR du raster ({err}) ; reprojetez-les d'abord</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="349"/>
        <source>labels {path}: no such file</source>
        <translation>étiquettes {path} : fichier introuvable</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="365"/>
        <source>labels {path}: neither a raster nor a vector layer GDAL can read</source>
        <translation>étiquettes {path} : ni un raster ni une couche vecteur que GDAL peut lire</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/base/options.py" line="18"/>
        <source>&apos;openvino&apos; was asked for but OpenVINO is not installed in this Python; install it with `pip install openvino`, or choose the runtime Auto or PyTorch</source>
        <translation>'openvino' a été demandé mais OpenVINO n'est pas installé dans ce Python ; installez-le avec `pip install openvino`, ou choisissez le moteur d'exécution Automatique ou PyTorch</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="62"/>
        <source>cannot project a polygon to compute its area in m2</source>
        <translation>impossible de projeter un polygone pour calculer sa surface en m2</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="109"/>
        <source>{path}: cannot create a working raster ({gdal_error})</source>
        <translation>{path} : impossible de créer un raster de travail ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="200"/>
        <source>polygonising failed: {gdal_error}</source>
        <translation>la polygonisation a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="247"/>
        <source>{out_path}: cannot create the GeoPackage ({gdal_error})</source>
        <translation>{out_path} : impossible de créer le GeoPackage ({gdal_error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/qml.py" line="64"/>
        <source>{path}: cannot write ({err}); choose a writable folder</source>
        <translation>{path} : écriture impossible ({err}) ; choisissez un dossier accessible en écriture</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="32"/>
        <source>model must be a model file path or a (torch module, header dict) pair</source>
        <translation>model doit être le chemin d'un fichier de modèle ou une paire (module torch, dictionnaire d'en-tête)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="61"/>
        <source>runtime {missing} ({err})</source>
        <translation>le moteur d'exécution {missing} ({err})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="259"/>
        <source>the OpenVINO cache folder {parent} is not writable ({err}); set {cache_env} to a writable folder</source>
        <translation>le dossier de cache d'OpenVINO {parent} n'est pas accessible en écriture ({err}) ; définissez {cache_env} sur un dossier accessible en écriture</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="393"/>
        <source>tiles of shape {shape} reached an OpenVINO network converted for {shape2}</source>
        <translation>des tuiles de forme {shape} ont atteint un réseau OpenVINO converti pour {shape2}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/runtimes.py" line="28"/>
        <source>runtime &apos;openvino&apos; runs on the CPU only, not {type}; choose device &apos;cpu&apos; or runtime Auto</source>
        <translation>le moteur d'exécution 'openvino' ne fonctionne que sur le CPU, pas sur {type} ; choisissez le périphérique 'cpu' ou le moteur d'exécution Automatique</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="35"/>
        <source>{path} cannot be opened as a raster: there is no such file; check the path</source>
        <translation>{path} ne peut pas être ouvert comme raster : ce fichier n'existe pas ; vérifiez le chemin</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="39"/>
        <source>{path} cannot be opened as a raster ({msg}); choose a raster file GDAL can read</source>
        <translation>{path} ne peut pas être ouvert comme raster ({msg}) ; choisissez un fichier raster que GDAL peut lire</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="57"/>
        <source>the raster has {count} band(s) (1..{count}); it has no band {bad}; choose bands that exist</source>
        <translation>le raster a {count} bande(s) (1..{count}) ; il n'a pas de bande {bad} ; choisissez des bandes qui existent</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="61"/>
        <source>the model takes {needed} band(s) ({described}) but {chosen_count} were chosen; choose exactly {needed}</source>
        <translation>le modèle prend {needed} bande(s) ({described}) mais {chosen_count} ont été choisies ; choisissez-en exactement {needed}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="67"/>
        <source>the model expects {needed} band(s) ({described}) but the raster has {count}; choose {needed} of its bands, or use a model made for {count}-band imagery</source>
        <translation>le modèle attend {needed} bande(s) ({described}) mais le raster en a {count} ; choisissez {needed} de ses bandes, ou utilisez un modèle conçu pour des images à {count} bandes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="75"/>
        <source>band {b} has data type {dtype}, which is not supported; convert it to a real type first (gdal_translate -ot Float32)</source>
        <translation>la bande {b} est de type {dtype}, qui n'est pas pris en charge ; convertissez-la d'abord en un type réel (gdal_translate -ot Float32)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="86"/>
        <source>give either a pixel window or a map extent, not both</source>
        <translation>indiquez soit une fenêtre en pixels, soit une emprise, mais pas les deux</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="90"/>
        <source>{window} must be (xoff, yoff, xsize, ysize)</source>
        <translation>{window} doit être (xoff, yoff, xsize, ysize)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="94"/>
        <source>{window}: xsize and ysize must be at least 1</source>
        <translation>{window} : xsize et ysize doivent valoir au moins 1</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="98"/>
        <source>{window} does not intersect the raster ({width} x {height} pixels)</source>
        <translation>{window} ne recoupe pas le raster ({width} x {height} pixels)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="109"/>
        <source>{extent} must be (xmin, ymin, xmax, ymax)</source>
        <translation>{extent} doit être (xmin, ymin, xmax, ymax)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="113"/>
        <source>{extent} is empty: need xmin &lt; xmax and ymin &lt; ymax</source>
        <translation>{extent} est vide : il faut xmin &lt; xmax et ymin &lt; ymax</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="118"/>
        <source>the raster has no georeferencing, so a map extent cannot be placed on it; give a pixel window instead</source>
        <translation>le raster n'a pas de géoréférencement, une emprise ne peut donc pas y être placée ; indiquez plutôt une fenêtre en pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="133"/>
        <source>{extent} does not overlap the raster; choose an extent inside it (in the raster&apos;s CRS), or none for the whole raster</source>
        <translation>{extent} ne recouvre pas le raster ; choisissez une emprise à l'intérieur de celui-ci (dans le SCR du raster), ou aucune pour traiter tout le raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="216"/>
        <source>reading the nodata mask failed: {gdal_error}{read_hint}</source>
        <translation>la lecture du masque NoData a échoué : {gdal_error}{read_hint}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/source.py" line="226"/>
        <source>reading pixels failed at ({x}, {y}): {gdal_error}{read_hint}</source>
        <translation>la lecture des pixels a échoué en ({x}, {y}) : {gdal_error}{read_hint}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="70"/>
        <source>the labels hold only one class ({only}); a segmentation model needs at least two. For footprints of one kind, leave the class field empty or ask for a background class.</source>
        <translation>les étiquettes ne contiennent qu'une seule classe ({only}) ; un modèle de segmentation en nécessite au moins deux. Pour des emprises au sol d'un seul type, laissez le champ de classe vide ou demandez une classe de fond.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="84"/>
        <source>the raster (window) is {width} x {height} pixels; training needs at least 32 x 32</source>
        <translation>le raster (ou la fenêtre) fait {width} x {height} pixels ; l'entraînement nécessite au moins 32 x 32</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="345"/>
        <source>every training pixel is nodata</source>
        <translation>tous les pixels d'entraînement sont NoData</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="368"/>
        <source>cannot open the raster {path}: {err}</source>
        <translation>impossible d'ouvrir le raster {path} : {err}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="371"/>
        <source>{path} is not a raster with bands</source>
        <translation>{path} n'est pas un raster avec des bandes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="379"/>
        <source>bands {bad} do not exist: the raster has {rastercount} (1-based)</source>
        <translation>les bandes {bad} n'existent pas : le raster en a {rastercount} (numérotées à partir de 1)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="390"/>
        <source>window {window} is not inside the {rasterxsize} x {rasterysize} raster</source>
        <translation>la fenêtre {window} n'est pas à l'intérieur du raster de {rasterxsize} x {rasterysize}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/work_folder.py" line="72"/>
        <source>cannot create the work folder {path} ({err}); check the output folder is writable and has space</source>
        <translation>impossible de créer le dossier de travail {path} ({err}) ; vérifiez que le dossier de sortie est accessible en écriture et qu'il reste de l'espace libre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="35"/>
        <source>{path}: cannot create the GeoTIFF ({gdal_error}); check the folder is writable and has space</source>
        <translation>{path} : impossible de créer le GeoTIFF ({gdal_error}) ; vérifiez que le dossier est accessible en écriture et qu'il reste de l'espace libre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="128"/>
        <source>writing the classified raster failed: {gdal_error}</source>
        <translation>l'écriture du raster classifié a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="161"/>
        <source>writing the confidence raster failed: {gdal_error}</source>
        <translation>l'écriture du raster de confiance a échoué : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="24"/>
        <source>{name!r} was asked for but PyTorch sees no CUDA GPU here; use &apos;auto&apos; or &apos;cpu&apos;</source>
        <translation>{name!r} a été demandé mais PyTorch ne voit aucun GPU CUDA ici ; utilisez 'auto' ou 'cpu'</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="29"/>
        <source>{name!r}: only {device_count} CUDA device(s) exist</source>
        <translation>{name!r} : il n'existe que {device_count} périphérique(s) CUDA</translation>
    </message>
    <message>
        <location filename="../model/devices.py" line="33"/>
        <source>{name!r} is not one of &apos;auto&apos;, &apos;cuda&apos;, &apos;cuda:N&apos;, &apos;cpu&apos;</source>
        <translation>{name!r} n'est pas l'une des valeurs 'auto', 'cuda', 'cuda:N', 'cpu'</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="43"/>
        <source>encoder {name!r} is not supported; choose one of {encoders}</source>
        <translation>l'encodeur {name!r} n'est pas pris en charge ; choisissez parmi {encoders}</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="80"/>
        <source>Could not fetch ImageNet weights for the {name} encoder ({name2}: {err}). This needs network access to the Hugging Face hub, or the weights already in the local cache (HF_HOME). Build the model with pretrained_encoder=False to start from random weights instead, or give a local weights file (encoder_weights).</source>
        <translation>Impossible de récupérer les poids ImageNet de l'encodeur {name} ({name2} : {err}). Cela nécessite un accès réseau au hub Hugging Face, ou des poids déjà présents dans le cache local (HF_HOME). Construisez plutôt le modèle avec pretrained_encoder=False pour partir de poids aléatoires, ou indiquez un fichier de poids local (encoder_weights).</translation>
    </message>
    <message>
        <location filename="../model/encoder.py" line="91"/>
        <source>encoder {name!r} gives strides {reductions}, not {expected_reductions}</source>
        <translation>l'encodeur {name!r} donne des pas (strides) de {reductions}, et non de {expected_reductions}</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="31"/>
        <source>{path}: no such encoder weights file</source>
        <translation>{path} : fichier de poids d'encodeur introuvable</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="91"/>
        <source>{path}: unreadable .safetensors file ({err}); is it truncated?</source>
        <translation>{path} : fichier .safetensors illisible ({err}) ; serait-il tronqué ?</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="47"/>
        <source>{path}: refused to load: the file holds Python objects other than weights, which could run code; save a plain state_dict or a .safetensors file</source>
        <translation>{path} : chargement refusé : le fichier contient des objets Python autres que des poids, qui pourraient exécuter du code ; enregistrez un simple state_dict ou un fichier .safetensors</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="51"/>
        <source>{path}: neither a .safetensors file nor a readable PyTorch checkpoint ({name}: {err})</source>
        <translation>{path} : ni un fichier .safetensors, ni un checkpoint PyTorch lisible ({name} : {err})</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="59"/>
        <source>{path}: the file is not a state_dict of tensors</source>
        <translation>{path} : le fichier n'est pas un state_dict de tenseurs</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="91"/>
        <source>{path}: not timm {name} weights: {parts}. Give the state_dict of timm&apos;s {name}, or choose the encoder these weights belong to</source>
        <translation>{path} : ce ne sont pas des poids timm {name} : {parts}. Donnez le state_dict du {name} de timm, ou choisissez l'encodeur auquel ces poids appartiennent</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="102"/>
        <source>{path}: {key} has shape {shape} where timm {name} has {shape2}; these are weights of another variant</source>
        <translation>{path} : {key} a la forme {shape} alors que timm {name} a {shape2} ; ce sont les poids d'une autre variante</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="110"/>
        <source>{path}: the first convolution ({first_conv}) takes {shape} bands; only 3-band weights can be adapted to {in_channels} bands</source>
        <translation>{path} : la première convolution ({first_conv}) prend {shape} bandes ; seuls des poids à 3 bandes peuvent être adaptés à {in_channels} bandes</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="145"/>
        <source>{path}: cannot place encoder weight {key} (timm layout changed?)</source>
        <translation>{path} : impossible de placer le poids d'encodeur {key} (la structure de timm a-t-elle changé ?)</translation>
    </message>
    <message>
        <location filename="../model/encoder_weights.py" line="155"/>
        <source>the {name} encoder has no {key}; timm&apos;s layout changed</source>
        <translation>l'encodeur {name} n'a pas de {key} ; la structure de timm a changé</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="47"/>
        <source>{path}: no such model file</source>
        <translation>{path} : fichier de modèle introuvable</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="50"/>
        <source>{path}: {value:.1f} GB is far larger than a RemoteNet model (about 55 MB); choose the .safetensors file written by RemoteNet Train</source>
        <translation>{path} : {value:.1f} Go, c'est bien plus qu'un modèle RemoteNet (environ 55 Mo) ; choisissez le fichier .safetensors écrit par RemoteNet Entraîner</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="62"/>
        <source>{path}: not a model file (neither .safetensors nor a PyTorch checkpoint)</source>
        <translation>{path} : ce n'est pas un fichier de modèle (ni .safetensors, ni checkpoint PyTorch)</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="72"/>
        <source>{path}: not a readable PyTorch checkpoint ({err}); the file may be truncated</source>
        <translation>{path} : checkpoint PyTorch illisible ({err}) ; le fichier est peut-être tronqué</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="79"/>
        <source>{path}: refused: this archive would expand to {value:.0f} MB (a PyTorch checkpoint is stored uncompressed); it is not a RemoteNet model</source>
        <translation>{path} : refusé : cette archive occuperait {value:.0f} Mo une fois décompressée (un checkpoint PyTorch est stocké sans compression) ; ce n'est pas un modèle RemoteNet</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="90"/>
        <source>{path}: unreadable .safetensors file (its header claims {length} bytes); the file is truncated or damaged: copy or download it again</source>
        <translation>{path} : fichier .safetensors illisible (son en-tête annonce {length} octets) ; le fichier est tronqué ou endommagé : copiez-le ou téléchargez-le à nouveau</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="95"/>
        <source>{path}: the .safetensors header is cut short; the file is truncated: copy or download it again</source>
        <translation>{path} : l'en-tête .safetensors est incomplet ; le fichier est tronqué : copiez-le ou téléchargez-le à nouveau</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="105"/>
        <source>{path}: the .safetensors header nests too deeply to be a model file; choose a file written by RemoteNet</source>
        <translation>{path} : l'en-tête .safetensors est trop profondément imbriqué pour un fichier de modèle ; choisissez un fichier écrit par RemoteNet</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="110"/>
        <source>{path}: this .safetensors file has no &apos;{metadata_key}&apos; header; it was not written by remotenet.model.save_model</source>
        <translation>{path} : ce fichier .safetensors n'a pas d'en-tête '{metadata_key}' ; il n'a pas été écrit par remotenet.model.save_model</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="114"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not a JSON text of at most {value} kB; the file is damaged or not a RemoteNet model</source>
        <translation>{path} : l'en-tête '{metadata_key}' n'est pas un texte JSON d'au plus {value} ko ; le fichier est endommagé ou ce n'est pas un modèle RemoteNet</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="121"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not valid JSON ({err})</source>
        <translation>{path} : l'en-tête '{metadata_key}' n'est pas un JSON valide ({err})</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="125"/>
        <source>{path}: the &apos;{metadata_key}&apos; header nests too deeply; the file is damaged or not a RemoteNet model</source>
        <translation>{path} : l'en-tête '{metadata_key}' est trop profondément imbriqué ; le fichier est endommagé ou ce n'est pas un modèle RemoteNet</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="129"/>
        <source>{path}: the &apos;{metadata_key}&apos; header is not a JSON object</source>
        <translation>{path} : l'en-tête '{metadata_key}' n'est pas un objet JSON</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="135"/>
        <source>{path}: {err}</source>
        <translation>{path} : {err}</translation>
    </message>
    <message>
        <location filename="../model/header.py" line="158"/>
        <source>{path}: {err}; the header contradicts the weights: re-save the model with remotenet.model.save_model</source>
        <translation>{path} : {err} ; l'en-tête contredit les poids : réenregistrez le modèle avec remotenet.model.save_model</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="138"/>
        <source>band entry {band!r} is neither a name, a 1-based index nor a dict</source>
        <translation>l'entrée de bande {band!r} n'est ni un nom, ni un indice commençant à 1, ni un dictionnaire</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="156"/>
        <source>model header: {msg}</source>
        <translation>en-tête du modèle : {msg}</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="55"/>
        <source>{path}: model files are written as .safetensors; use that extension</source>
        <translation>{path} : les fichiers de modèle sont écrits au format .safetensors ; utilisez cette extension</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="59"/>
        <source>weight storage {storage!r} is not one of {storages}</source>
        <translation>le stockage des poids {storage!r} n'est pas l'une des valeurs {storages}</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="129"/>
        <source>{path}: {err}; the header contradicts the weights</source>
        <translation>{path} : {err} ; l'en-tête contredit les poids</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="144"/>
        <source>{path}: the weights cannot be read ({err}); the file may be truncated: copy or download it again</source>
        <translation>{path} : les poids ne peuvent pas être lus ({err}) ; le fichier est peut-être tronqué : copiez-le ou téléchargez-le à nouveau</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="150"/>
        <source>{path}: {err}; the file is damaged or was not written by save_model</source>
        <translation>{path} : {err} ; le fichier est endommagé ou n'a pas été écrit par save_model</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="159"/>
        <source>{path}: refused to load: the checkpoint holds Python objects other than weights, which could run code. Re-save it as a plain state_dict, or convert it to .safetensors.</source>
        <translation>{path} : chargement refusé : le checkpoint contient des objets Python autres que des poids, qui pourraient exécuter du code. Réenregistrez-le comme simple state_dict, ou convertissez-le en .safetensors.</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="165"/>
        <source>{path}: not a readable PyTorch checkpoint ({name}: {err}); the file may be truncated or not a model</source>
        <translation>{path} : checkpoint PyTorch illisible ({name} : {err}) ; le fichier est peut-être tronqué, ou ce n'est pas un modèle</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="173"/>
        <source>{path}: the checkpoint is not a state_dict of tensors</source>
        <translation>{path} : le checkpoint n'est pas un state_dict de tenseurs</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="183"/>
        <source>{path}: the weights hold NaN or infinite values (first in {name}); the model is damaged, for example by a training that diverged: use another model file</source>
        <translation>{path} : les poids contiennent des valeurs NaN ou infinies (la première dans {name}) ; le modèle est endommagé, par exemple par un entraînement qui a divergé : utilisez un autre fichier de modèle</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="194"/>
        <source>{path}: these weights are not a RemoteNet ({head_key} or an encoder&apos;s first convolution ({first_conv_keys}) missing); they belong to another architecture</source>
        <translation>{path} : ces poids ne sont pas ceux d'un RemoteNet ({head_key} ou la première convolution d'un encodeur ({first_conv_keys}) manque) ; ils appartiennent à une autre architecture</translation>
    </message>
    <message>
        <location filename="../model/model_file.py" line="223"/>
        <source>{path}: the weights do not fit RemoteNet ({architecture}): {details}.{hint} Choose a model saved by this plugin&apos;s RemoteNet (Train or remotenet.model.save_model).</source>
        <translation>{path} : les poids ne correspondent pas à RemoteNet ({architecture}) : {details}.{hint} Choisissez un modèle enregistré par le RemoteNet de cette extension (Entraîner ou remotenet.model.save_model).</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="97"/>
        <source>set epochs, max_minutes or max_steps: nothing would stop the training</source>
        <translation>définissez epochs, max_minutes ou max_steps : rien n'arrêterait l'entraînement</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="102"/>
        <source>{name} must not be negative (got {value})</source>
        <translation>{name} ne doit pas être négatif (valeur reçue : {value})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="105"/>
        <source>batch_size must be at least 1 (got {batch_size})</source>
        <translation>batch_size doit valoir au moins 1 (valeur reçue : {batch_size})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="108"/>
        <source>lr must be positive (got {lr})</source>
        <translation>lr doit être positif (valeur reçue : {lr})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="110"/>
        <source>encoder_lr_ratio must be positive (got {encoder_lr_ratio})</source>
        <translation>encoder_lr_ratio doit être positif (valeur reçue : {encoder_lr_ratio})</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="122"/>
        <source>encoder {encoder!r} is not supported; choose one of {encoders}</source>
        <translation>l'encodeur {encoder!r} n'est pas pris en charge ; choisissez parmi {encoders}</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="126"/>
        <source>pretrained_encoder (download) and encoder_weights (a local file) both ask for starting weights; set only one</source>
        <translation>pretrained_encoder (téléchargement) et encoder_weights (fichier local) demandent tous deux des poids de départ ; n'en définissez qu'un</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="25"/>
        <source>device {err}</source>
        <translation>périphérique {err}</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="54"/>
        <source>training and validation chips have different band counts</source>
        <translation>les imagettes d'entraînement et de validation n'ont pas le même nombre de bandes</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="58"/>
        <source>normalisation has {mean_count} means for {in_channels} bands</source>
        <translation>la normalisation a {mean_count} moyennes pour {in_channels} bandes</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="49"/>
        <source>encoder weights: {err}</source>
        <translation>poids de l'encodeur : {err}</translation>
    </message>
    <message>
        <location filename="../model/training/optimisation.py" line="51"/>
        <source>the given model&apos;s classes or bands do not match the chips</source>
        <translation>les classes ou les bandes du modèle fourni ne correspondent pas aux imagettes</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="196"/>
        <source>{what} chips must be images (N, C, H, W) and labels (N, H, W); got {shape} and {shape2}</source>
        <translation>les imagettes ({what}) doivent être des images (N, C, H, W) et des étiquettes (N, H, W) ; reçu {shape} et {shape2}</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="201"/>
        <source>{what} images {shape} and labels {shape2} do not match</source>
        <translation>les images {shape} et les étiquettes {shape2} ({what}) ne correspondent pas</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="205"/>
        <source>there are no {what} chips</source>
        <translation>il n'y a aucune imagette ({what})</translation>
    </message>
    <message>
        <location filename="../model/training/loop.py" line="209"/>
        <source>{what} labels hold class indices {tolist} but there are {num_classes} classes</source>
        <translation>les étiquettes ({what}) contiennent les indices de classe {tolist} mais il y a {num_classes} classes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="292"/>
        <source>the raster has no georeferencing: the outputs have none either (pixel coordinates), and polygon areas are in square pixels</source>
        <translation>le raster n'a pas de géoréférencement : les sorties n'en ont pas non plus (coordonnées en pixels), et les surfaces des polygones sont en pixels carrés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="296"/>
        <source>the raster&apos;s geotransform is rotated or sheared: it is classified in pixel space and the outputs keep the same rotated geotransform</source>
        <translation>la géotransformation du raster comporte une rotation ou un cisaillement : il est classifié dans l'espace des pixels et les sorties gardent la même géotransformation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="300"/>
        <source>the raster has no CRS: the outputs have no CRS either, and polygon areas are in map units squared</source>
        <translation>le raster n'a pas de SCR : les sorties n'en ont pas non plus, et les surfaces des polygones sont en unités de carte au carré</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="305"/>
        <source>floating-point bands: NaN and +-inf pixels are treated as nodata</source>
        <translation>bandes à virgule flottante : les pixels NaN et +-inf sont traités comme NoData</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="307"/>
        <source>signed integer bands: negative values are scaled like any other with the model header&apos;s offset and scale</source>
        <translation>bandes d'entiers signés : les valeurs négatives sont mises à l'échelle comme les autres, avec le décalage (offset) et l'échelle (scale) de l'en-tête du modèle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="311"/>
        <source>the raster has a colour table: the model is fed the palette indices, not the colours; expand it to RGB first (gdal_translate -expand rgb) if the model was trained on colour imagery</source>
        <translation>le raster a une table de couleurs : le modèle reçoit les indices de la palette, pas les couleurs ; convertissez-le d'abord en RVB (gdal_translate -expand rgb) si le modèle a été entraîné sur des images en couleur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="316"/>
        <source>the raster is {width} x {height} pixels, 1 pixel thin: tiles are 1 pixel thin too</source>
        <translation>le raster fait {width} x {height} pixels, soit 1 pixel d'épaisseur : les tuiles font aussi 1 pixel d'épaisseur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="320"/>
        <source>the tile size {tile_size} is larger than the processed area ({width} x {height}): tiles are cut to {tile_size2} x {tile_size3} pixels</source>
        <translation>la taille de tuile {tile_size} dépasse la zone traitée ({width} x {height}) : les tuiles sont réduites à {tile_size2} x {tile_size3} pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="183"/>
        <source>sieved patches under {threshold} pixels ({min_area:g} m2)</source>
        <translation>taches de moins de {threshold} pixels ({min_area:g} m2) éliminées par tamisage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="157"/>
        <source>dropped {dropped} polygon(s) under the minimum area or emptied by simplification</source>
        <translation>{dropped} polygone(s) supprimé(s) : sous la surface minimale ou vidé(s) par la simplification</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="94"/>
        <source>{what} {done}/{total}</source>
        <translation>{what} {done}/{total}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="142"/>
        <source>the finished chunks stay in {path}: run again with the same inputs and parameters to resume</source>
        <translation>les blocs terminés restent dans {path} : relancez avec les mêmes entrées et paramètres pour reprendre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="89"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="171"/>
        <source>resuming: {records_count} of {plan_count} chunks reused from {path}</source>
        <translation>reprise : {records_count} blocs sur {plan_count} réutilisés depuis {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="177"/>
        <source>{plan_count} chunks of up to {side} x {side} px over {grid_count} tiles, {jobs_count} to run on {name}</source>
        <translation>{plan_count} blocs d'au plus {side} x {side} px sur {grid_count} tuiles, dont {jobs_count} à exécuter sur {name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="199"/>
        <source>{hits} tiles on chunk borders were computed once and shared by their chunks</source>
        <translation>{hits} tuiles en bordure de blocs ont été calculées une seule fois et partagées entre leurs blocs</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="228"/>
        <source>assembling</source>
        <translation>assemblage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="263"/>
        <source>resuming: polygons of {pieces_count} of {plan_count} chunks reused</source>
        <translation>reprise : polygones de {pieces_count} blocs sur {plan_count} réutilisés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="277"/>
        <source>merging polygons</source>
        <translation>fusion des polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="284"/>
        <source>{count} polygons written</source>
        <translation>{count} polygones écrits</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="171"/>
        <source>{grid_count} tiles on {device_name}</source>
        <translation>{grid_count} tuiles sur {device_name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="189"/>
        <source>tiles {seen}/{grid_count}</source>
        <translation>tuiles {seen}/{grid_count}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="206"/>
        <source>skipped {skipped} of {grid_count} tiles that were all nodata</source>
        <translation>{skipped} tuiles sur {grid_count} ignorées car entièrement NoData</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="71"/>
        <source>connected to the Dask scheduler {address} in {value:.1f} s: {workers_count} worker(s)</source>
        <translation>connecté à l'ordonnanceur Dask {address} en {value:.1f} s : {workers_count} worker(s)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/dask_runner.py" line="76"/>
        <source>the scheduler has no workers yet; the chunks wait until a worker joins</source>
        <translation>l'ordonnanceur n'a encore aucun worker ; les blocs attendent qu'un worker le rejoigne</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="134"/>
        <source>{unclassified} labelled reference pixels are nodata in the classified raster and were not counted</source>
        <translation>{unclassified} pixels étiquetés de la référence sont NoData dans le raster classifié et n'ont pas été comptés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/evaluate.py" line="179"/>
        <source>the reference raster is on another grid or CRS: warped (nearest) onto the classified grid</source>
        <translation>le raster de référence est sur une autre grille ou dans un autre SCR : ré-échantillonné (plus proche voisin) sur la grille du raster classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="213"/>
        <source>GPU out of memory: continuing with batch size {batch_size}</source>
        <translation>mémoire du GPU épuisée : poursuite avec une taille de lot de {batch_size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="75"/>
        <source>label raster {path} is on another grid or CRS: warped (nearest) onto the image grid</source>
        <translation>le raster d'étiquettes {path} est sur une autre grille ou dans un autre SCR : ré-échantillonné (plus proche voisin) sur la grille de l'image</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="116"/>
        <source>background ignored for raster labels: their values are the classes</source>
        <translation>fond ignoré pour les étiquettes raster : leurs valeurs sont les classes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="147"/>
        <source>labels {path} are in another CRS: reprojected onto the raster&apos;s</source>
        <translation>les étiquettes {path} sont dans un autre SCR : reprojetées dans celui du raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="35"/>
        <source>the raster has no CRS: polygon areas are in squared map units, not m2</source>
        <translation>le raster n'a pas de SCR : les surfaces des polygones sont en unités de carte au carré, pas en m2</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="42"/>
        <source>the raster&apos;s CRS is neither geographic nor projected: areas are in squared map units</source>
        <translation>le SCR du raster n'est ni géographique ni projeté : les surfaces sont en unités de carte au carré</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="126"/>
        <source>segmenting {source} window {window} with {model_name} on {device_name} ({runtime_name}, {precision}), bands {bands}, tile {tile_size}, overlap {overlap}, batch {batch_size}, TTA {tta}</source>
        <translation>segmentation de {source}, fenêtre {window}, avec {model_name} sur {device_name} ({runtime_name}, {precision}), bandes {bands}, tuile {tile_size}, chevauchement {overlap}, lot {batch_size}, TTA {tta}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="246"/>
        <source>OpenVINO {version}: using the network converted earlier for input {shape} ({folder})</source>
        <translation>OpenVINO {version} : utilisation du réseau converti précédemment pour l'entrée {shape} ({folder})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="251"/>
        <source>OpenVINO {version}: converting the network for input {shape} (once per model file and tile shape)</source>
        <translation>OpenVINO {version} : conversion du réseau pour l'entrée {shape} (une fois par fichier de modèle et par forme de tuile)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="280"/>
        <source>OpenVINO: converted in {value:.1f} s; cached in {folder}</source>
        <translation>OpenVINO : converti en {value:.1f} s ; mis en cache dans {folder}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="69"/>
        <source>polygons</source>
        <translation>polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="77"/>
        <source>{polygons} polygons written</source>
        <translation>{polygons} polygones écrits</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/work_folder.py" line="63"/>
        <source>an earlier run&apos;s work in {path} used other inputs ({changed}); starting afresh</source>
        <translation>le travail d'une exécution précédente dans {path} utilisait d'autres entrées ({changed}) ; reprise depuis le début</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunk_polygons.py" line="89"/>
        <source>a polygon piece</source>
        <translation>un fragment de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/polygons.py" line="133"/>
        <source>the polygons</source>
        <translation>les polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="181"/>
        <source>chunks</source>
        <translation>blocs</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/scale/chunked.py" line="267"/>
        <source>polygons of chunks</source>
        <translation>polygones des blocs</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="37"/>
        <source>the disk is full: free some space or choose a folder on another disk</source>
        <translation>le disque est plein : libérez de l'espace ou choisissez un dossier sur un autre disque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="38"/>
        <source>check that the folder is still there, writable and has free space</source>
        <translation>vérifiez que le dossier existe toujours, qu'il est accessible en écriture et qu'il reste de l'espace libre</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/write_errors.py" line="53"/>
        <source>writing {what} failed ({first}); {advice}</source>
        <translation>impossible d'écrire {what} ({first}) ; {advice}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="145"/>
        <source>the classified raster</source>
        <translation>le raster classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/geotiff.py" line="149"/>
        <source>the confidence raster</source>
        <translation>le raster de confiance</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/styling.py" line="74"/>
        <source>could not open {uri} to store its style</source>
        <translation>impossible d'ouvrir {uri} pour y enregistrer son style</translation>
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
        <translation>Installez-les depuis QGIS avec Raster &gt; RemoteNet &gt; Installer PyTorch et ses dépendances… (ou, sans la fenêtre, avec `python -m remotenet install` lancé depuis le dossier python/plugins du profil QGIS), ou à la main.
À la main, pour le Python qu'utilise QGIS ({python}, version {version}), puis redémarrez QGIS :
  Linux :   python3 -m pip install --user --break-system-packages {names}
            (Debian 12+ et Ubuntu 23.04+ refusent --user sans cette option ; pip y est fourni par python3-pip)
  macOS :   /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {names}
  Windows : dans l'OSGeo4W Shell : python -m pip install {names}
Sous Windows, torch 2.9 et les versions plus récentes ne se chargent pas après Qt (c10.dll, WinError 1114) : installez-y torch&lt;2.9 (par exemple : python -m pip install &quot;torch&lt;2.9&quot; timm safetensors).</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="160"/>
        <source>format_version {version!r} is not supported (this plugin reads up to {format_version}); update the plugin</source>
        <translation>format_version {version!r} n'est pas pris en charge (cette extension lit jusqu'à la version {format_version}) ; mettez à jour l'extension</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="165"/>
        <source>architecture {named!r} is not one this plugin builds ({architectures}); choose a model written by RemoteNet Train, or update the plugin</source>
        <translation>l'architecture {named!r} ne fait pas partie de celles que construit cette extension ({architectures}) ; choisissez un modèle écrit par RemoteNet Entraîner, ou mettez à jour l'extension</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="170"/>
        <source>architecture {named!r} contradicts the weights, which are {architecture!r}</source>
        <translation>l'architecture {named!r} contredit les poids, qui sont de l'architecture {architecture!r}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="182"/>
        <source>&apos;classes&apos; must be a non-empty list</source>
        <translation>'classes' doit être une liste non vide</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="186"/>
        <source>class entry {entry!r} needs value, name and color</source>
        <translation>l'entrée de classe {entry!r} nécessite value, name et color</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="190"/>
        <source>class value {value!r} must be an integer 0..254 (255 is nodata)</source>
        <translation>la valeur de classe {value!r} doit être un entier de 0 à 254 (255 est NoData)</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="194"/>
        <source>class {name!r} colour {color!r} must be [r, g, b] with 0..255 integers</source>
        <translation>la couleur {color!r} de la classe {name!r} doit être [r, g, b] avec des entiers de 0 à 255</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="200"/>
        <source>class value(s) {repeated} appear more than once in {values}; give each class its own value</source>
        <translation>la ou les valeurs de classe {repeated} apparaissent plus d'une fois dans {values} ; donnez à chaque classe sa propre valeur</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="205"/>
        <source>lists {classes_count} classes but the weights predict {num_classes}</source>
        <translation>indique {classes_count} classes mais les poids en prédisent {num_classes}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="210"/>
        <source>in_channels {bands!r} must be a whole number of at least 1</source>
        <translation>in_channels {bands!r} doit être un nombre entier d'au moins 1</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="213"/>
        <source>says {bands} input bands but the weights take {in_channels}</source>
        <translation>annonce {bands} bandes en entrée mais les poids en prennent {in_channels}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="217"/>
        <source>&apos;bands&apos; lists {get_count} bands but in_channels is {bands}</source>
        <translation>'bands' liste {get_count} bandes mais in_channels vaut {bands}</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="222"/>
        <source>&apos;input&apos; must be an object with offset, scale, mean and std</source>
        <translation>'input' doit être un objet avec offset, scale, mean et std</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="226"/>
        <source>input.{key} has {value} values for {bands} bands</source>
        <translation>input.{key} a {value} valeurs pour {bands} bandes</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="230"/>
        <source>input.{key} {numbers!r} must hold finite numbers</source>
        <translation>input.{key} {numbers!r} doit contenir des nombres finis</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="233"/>
        <source>input.offset and input.scale must be finite numbers</source>
        <translation>input.offset et input.scale doivent être des nombres finis</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="235"/>
        <source>input.std values and input.scale must be positive</source>
        <translation>les valeurs de input.std et input.scale doivent être positives</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="238"/>
        <source>tile_size {tile!r} must be an integer of at least 32</source>
        <translation>tile_size {tile!r} doit être un entier d'au moins 32</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/styling.py" line="87"/>
        <source>the style could not be stored</source>
        <translation>le style n'a pas pu être enregistré</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="94"/>
        <source>the label raster {path} has no labelled pixel over the image: the labels do not overlap the raster (or are all 255/nodata)</source>
        <translation>le raster d'étiquettes {path} n'a aucun pixel étiqueté sur l'image : les étiquettes ne recouvrent pas le raster (ou valent toutes 255/NoData)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="98"/>
        <source>the label raster {path} has no labelled pixel over the image window: the labels do not overlap the window (or are all 255/nodata)</source>
        <translation>le raster d'étiquettes {path} n'a aucun pixel étiqueté dans la fenêtre de l'image : les étiquettes ne recouvrent pas la fenêtre (ou valent toutes 255/NoData)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="154"/>
        <source>{skipped} feature(s) of {path} without a geometry or a class in {field!r} (empty or NULL) were left out</source>
        <translation>{skipped} entité(s) de {path} sans géométrie ou sans classe dans {field!r} (vide ou NULL) laissée(s) de côté</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="158"/>
        <source>{skipped} feature(s) of {path} without a geometry were left out</source>
        <translation>{skipped} entité(s) de {path} sans géométrie laissée(s) de côté</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="222"/>
        <source>the label polygons do not overlap the raster: labels cover {labels}, the raster covers {raster} (in the raster&apos;s CRS)</source>
        <translation>les polygones d'étiquettes ne recouvrent pas le raster : les étiquettes couvrent {labels}, le raster couvre {raster} (dans le SCR du raster)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/labels.py" line="226"/>
        <source>the label polygons do not overlap the raster window: labels cover {labels}, the window covers {raster} (in the raster&apos;s CRS)</source>
        <translation>les polygones d'étiquettes ne recouvrent pas la fenêtre du raster : les étiquettes couvrent {labels}, la fenêtre couvre {raster} (dans le SCR du raster)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="96"/>
        <source>no training chip of {tile} x {tile} pixels fits in the labelled area after the spatial split; use a smaller tile size or label a larger area</source>
        <translation>aucune imagette d'entraînement de {tile} x {tile} pixels ne tient dans la zone étiquetée après la séparation spatiale ; utilisez une taille de tuile plus petite ou étiquetez une zone plus grande</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="100"/>
        <source>no validation chip of {tile} x {tile} pixels fits in the labelled area after the spatial split; use a smaller tile size or label a larger area</source>
        <translation>aucune imagette de validation de {tile} x {tile} pixels ne tient dans la zone étiquetée après la séparation spatiale ; utilisez une taille de tuile plus petite ou étiquetez une zone plus grande</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/training/chips.py" line="246"/>
        <source>the labels form a single object: too few for a train/validation split; label at least two separate areas (polygons) per class</source>
        <translation>les étiquettes forment un seul objet : trop peu pour séparer entraînement et validation ; étiquetez au moins deux zones distinctes (polygones) par classe</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="114"/>
        <source>checkpoint must be auto, best or last (got {checkpoint!r})</source>
        <translation>checkpoint doit valoir auto, best ou last (reçu : {checkpoint!r})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/base/options.py" line="21"/>
        <source>&apos;int8&apos; needs NNCF, OpenVINO&apos;s quantisation tool, which is not installed in this Python; install it with `pip install nncf` (beside `openvino`), or choose the precision Auto, bf16 or fp32</source>
        <translation>'int8' nécessite NNCF, l'outil de quantification d'OpenVINO, qui n'est pas installé dans ce Python ; installez-le avec `pip install nncf` (à côté d'`openvino`) ou choisissez la précision Automatique, bf16 ou fp32</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/classify.py" line="202"/>
        <source>skipped {outside} of {grid_count} tiles outside the mask without reading them</source>
        <translation>{outside} tuiles sur {grid_count} hors du masque ignorées sans être lues</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="214"/>
        <source>int8 agreed with the full-precision network on only {share:.2%} of the calibration pixels; running {fallback} instead</source>
        <translation>int8 ne concordait avec le réseau en pleine précision que sur {share:.2%} des pixels de calibration ; {fallback} s'exécute à la place</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="297"/>
        <source>int8: using the network quantised earlier ({tiles} calibration tiles from {source}; {folder})</source>
        <translation>int8 : utilisation du réseau quantifié précédemment ({tiles} tuiles de calibration de {source} ; {folder})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="302"/>
        <source>int8 needs calibration tiles the first time a model is quantised; run it on a raster</source>
        <translation>int8 a besoin de tuiles de calibration la première fois qu'un modèle est quantifié ; exécutez-le sur un raster</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="307"/>
        <source>int8: the raster has no tile with data to calibrate the quantisation on</source>
        <translation>int8 : le raster n'a aucune tuile avec des données pour calibrer la quantification</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="313"/>
        <source>int8: quantising the network with NNCF {version} on {tiles} tiles of this raster (once per model file and tile shape)</source>
        <translation>int8 : quantification du réseau avec NNCF {version} sur {tiles} tuiles de ce raster (une fois par fichier de modèle et forme de tuile)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/openvino_runtime.py" line="351"/>
        <source>int8: quantised in {value:.1f} s; the same class as full precision on {share:.2%} of the calibration pixels; cached in {folder}</source>
        <translation>int8 : quantifié en {value:.1f} s ; même classe qu'en pleine précision sur {share:.2%} des pixels de calibration ; mis en cache dans {folder}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/runtimes.py" line="43"/>
        <source>&apos;int8&apos; runs with OpenVINO on the CPU only; choose the runtime Auto or OpenVINO and the device CPU</source>
        <translation>'int8' ne s'exécute qu'avec OpenVINO sur le CPU ; choisissez l'environnement d'exécution Automatique ou OpenVINO et le périphérique CPU</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/infer/torch_runtime.py" line="41"/>
        <source>precision &apos;int8&apos; runs with OpenVINO on the CPU only; on a GPU use Auto, fp16 or bf16</source>
        <translation>la précision 'int8' ne s'exécute qu'avec OpenVINO sur le CPU ; sur un GPU, utilisez Automatique, fp16 ou bf16</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="123"/>
        <source>&apos;int8&apos; runs with OpenVINO on the CPU only, not {device}; on a GPU use Auto, fp16 or bf16</source>
        <translation>'int8' ne s'exécute qu'avec OpenVINO sur le CPU, pas sur {device} ; sur un GPU, utilisez Automatique, fp16 ou bf16</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="127"/>
        <source>&apos;int8&apos; runs with OpenVINO, not PyTorch; choose the runtime Auto or OpenVINO</source>
        <translation>'int8' s'exécute avec OpenVINO, pas avec PyTorch ; choisissez l'environnement d'exécution Automatique ou OpenVINO</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/check.py" line="230"/>
        <source>{path} is the mask layer; choose another file name so the mask is kept</source>
        <translation>{path} est la couche de masque ; choisissez un autre nom de fichier pour conserver le masque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="139"/>
        <source>mask: only pixels inside the polygons of {path} are classified</source>
        <translation>masque : seuls les pixels à l'intérieur des polygones de {path} sont classés</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="133"/>
        <source>the window fits in one tile: run as one tile of {width} x {height} px (padded), without overlap or seams</source>
        <translation>la fenêtre tient dans une tuile : traitée comme une seule tuile de {width} x {height} px (complétée), sans chevauchement ni raccords</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/prepare/run.py" line="164"/>
        <source>using the network prepared by the previous run ({runtime_name}, {precision})</source>
        <translation>utilisation du réseau préparé par l'exécution précédente ({runtime_name}, {precision})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="43"/>
        <source>{path} does not exist; choose a polygon layer&apos;s file (GeoPackage, shapefile...)</source>
        <translation>{path} n'existe pas ; choisissez le fichier d'une couche de polygones (GeoPackage, shapefile...)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="46"/>
        <source>{path} cannot be opened as a vector file; choose a polygon layer&apos;s file (GeoPackage, shapefile...)</source>
        <translation>{path} ne peut pas être ouvert comme fichier vecteur ; choisissez le fichier d'une couche de polygones (GeoPackage, shapefile...)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="96"/>
        <source>{path} has no layer; choose a polygon layer</source>
        <translation>{path} n'a aucune couche ; choisissez une couche de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="111"/>
        <source>{path} holds {kind} geometries; a mask must be a polygon layer</source>
        <translation>{path} contient des géométries de type {kind} ; un masque doit être une couche de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="116"/>
        <source>the raster has no georeferencing, so a mask layer cannot be placed on it</source>
        <translation>le raster n'est pas géoréférencé : aucune couche de masque ne peut y être placée</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/mask.py" line="140"/>
        <source>no polygon of {path} touches the raster (or the extent processed); choose a mask over the raster (it is reprojected from its own CRS)</source>
        <translation>aucun polygone de {path} ne touche le raster (ou l'emprise traitée) ; choisissez un masque sur le raster (il est reprojeté depuis son propre SCR)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="92"/>
        <source>{value!r} is not model, input or a pixel size in metres (for example 0.5)</source>
        <translation>{value!r} n'est ni model, ni input, ni une taille de pixel en mètres (par exemple 0.5)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="98"/>
        <source>{value} is not a pixel size: give a number of metres above 0 (for example 0.5), or model, or input</source>
        <translation>{value} n'est pas une taille de pixel : donnez un nombre de mètres supérieur à 0 (par exemple 0.5), ou model, ou input</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="109"/>
        <source>{method!r} is not one of {methods}</source>
        <translation>{method!r} n'est pas l'un de {methods}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="124"/>
        <source>the raster has no CRS or georeferencing, so its pixel size in metres is unknown; give input (or model) instead of a size in metres</source>
        <translation>le raster n'a pas de SCR ou de géoréférencement : sa taille de pixel en mètres est inconnue ; donnez input (ou model) au lieu d'une taille en mètres</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="135"/>
        <source>the raster&apos;s geotransform is rotated or sheared, so it cannot be resampled; give input instead of a size in metres</source>
        <translation>la géotransformation du raster est tournée ou cisaillée : il ne peut pas être rééchantillonné ; donnez input au lieu d'une taille en mètres</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="139"/>
        <source>{target:g} m pixels would upsample the raster&apos;s {input:.3g} m pixels {factor:.3g}x (at most {max:g}x: it invents detail and multiplies the work by the square); give input to run at the raster&apos;s own pixel size, or a size of at least {least:.3g} m</source>
        <translation>des pixels de {target:g} m suréchantillonneraient {factor:.3g} fois les pixels de {input:.3g} m du raster (au plus {max:g} fois : cela invente des détails et multiplie le travail par le carré) ; donnez input pour travailler à la taille de pixel du raster, ou une taille d'au moins {least:.3g} m</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="160"/>
        <source>resolution: the input&apos;s own pixels, as asked, no resampling</source>
        <translation>résolution : les pixels propres de l'entrée, comme demandé, sans rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="162"/>
        <source>resolution: the model file does not say its pixel size (gsd_m): the input&apos;s own pixels, no resampling</source>
        <translation>résolution : le fichier du modèle n'indique pas sa taille de pixel (gsd_m) : les pixels propres de l'entrée, sans rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="166"/>
        <source>resolution: the raster has no CRS, so its pixel size in metres is unknown: the input&apos;s own pixels, no resampling</source>
        <translation>résolution : le raster n'a pas de SCR, sa taille de pixel en mètres est inconnue : les pixels propres de l'entrée, sans rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="170"/>
        <source>resolution: the raster&apos;s geotransform is rotated: the input&apos;s own pixels, no resampling (the model works at {model:g} m)</source>
        <translation>résolution : la géotransformation du raster est tournée : les pixels propres de l'entrée, sans rééchantillonnage (le modèle travaille à {model:g} m)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="174"/>
        <source>resolution: the input&apos;s {input:.3g} m pixels are within 10 % of {target:g} m: no resampling</source>
        <translation>résolution : les pixels de {input:.3g} m de l'entrée sont à moins de 10 % de {target:g} m : pas de rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="177"/>
        <source>resolution: the input&apos;s {input:.3g} m pixels resampled ({method}) to {target:g} m ({why}), {width} x {height} px processed; classes come back to the input&apos;s grid by nearest neighbour</source>
        <translation>résolution : les pixels de {input:.3g} m de l'entrée sont rééchantillonnés ({method}) à {target:g} m ({why}), {width} x {height} px traités ; les classes reviennent sur la grille de l'entrée au plus proche voisin</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/read/resample.py" line="197"/>
        <source>cannot resample {source} to {target:g} m pixels: {gdal_error}</source>
        <translation>impossible de rééchantillonner {source} à des pixels de {target:g} m : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/segment.py" line="62"/>
        <source>back to the input&apos;s grid</source>
        <translation>retour sur la grille de l'entrée</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/engine/write/regrid.py" line="63"/>
        <source>cannot read back {path}: {gdal_error}</source>
        <translation>impossible de relire {path} : {gdal_error}</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="47"/>
        <source>{path} is not a file; choose a RemoteNet model file (.safetensors)</source>
        <translation>{path} n'est pas un fichier ; choisissez un fichier de modèle RemoteNet (.safetensors)</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="51"/>
        <source>{path} is a PyTorch checkpoint, not a RemoteNet model file: it has no classes, bands or normalisation to continue from; choose a .safetensors file written by RemoteNet Train</source>
        <translation>{path} est un checkpoint PyTorch, pas un fichier de modèle RemoteNet : il n'a ni classes, ni bandes, ni normalisation à reprendre ; choisissez un fichier .safetensors écrit par RemoteNet Train</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="125"/>
        <source>not a RemoteNet model file: {err}</source>
        <translation>pas un fichier de modèle RemoteNet : {err}</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="60"/>
        <source>{path} cannot be read ({err}); choose a RemoteNet model file you can read</source>
        <translation>{path} ne peut pas être lu ({err}) ; choisissez un fichier de modèle RemoteNet lisible</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="71"/>
        <source>the model takes {wanted} band(s), but {count} band(s) were chosen; choose {wanted} band(s) or another model</source>
        <translation>le modèle prend {wanted} bande(s), mais {count} bande(s) ont été choisies ; choisissez {wanted} bande(s) ou un autre modèle</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="80"/>
        <source>the model takes {wanted} band(s), but the raster has {count}; fine-tune on a raster with the model&apos;s bands, or choose another model</source>
        <translation>le modèle prend {wanted} bande(s), mais le raster en a {count} ; affinez-le sur un raster ayant les bandes du modèle, ou choisissez un autre modèle</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="131"/>
        <source>the model takes {wanted} band(s), but the training data has {count}; choose {wanted} band(s) or another model</source>
        <translation>le modèle prend {wanted} bande(s), mais les données d'entraînement en ont {count} ; choisissez {wanted} bande(s) ou un autre modèle</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="135"/>
        <source>Fine-tuning {name}: its encoder, {encoder}, is used (the ENCODER choice, {asked}, does not apply)</source>
        <translation>Affinage de {name} : son encodeur, {encoder}, est utilisé (le choix ENCODER, {asked}, ne s'applique pas)</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="139"/>
        <source>Fine-tuning {name} (encoder {encoder})</source>
        <translation>Affinage de {name} (encodeur {encoder})</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="149"/>
        <source>The labels have the model&apos;s classes ({classes}): its classification head goes on learning</source>
        <translation>Les étiquettes ont les classes du modèle ({classes}) : sa tête de classification continue d'apprendre</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="173"/>
        <source>The labels&apos; classes ({classes}) are not the model&apos;s ({initial}): new classification head; re-initialised: {layers} (rows kept for classes of the same name: {kept}); every other weight is the model&apos;s</source>
        <translation>Les classes des étiquettes ({classes}) ne sont pas celles du modèle ({initial}) : nouvelle tête de classification ; réinitialisé : {layers} (lignes gardées pour les classes de même nom : {kept}) ; tous les autres poids sont ceux du modèle</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="181"/>
        <source>Normalisation recomputed from the training pixels, as asked (scale {scale}, mean {mean}, std {std})</source>
        <translation>Normalisation recalculée à partir des pixels d'entraînement, comme demandé (échelle {scale}, moyenne {mean}, écart type {std})</translation>
    </message>
    <message>
        <location filename="../model/fine_tune.py" line="187"/>
        <source>Normalisation kept from the model (scale {scale}, mean {mean}, std {std}); ask to recompute it to use the training pixels&apos; instead</source>
        <translation>Normalisation du modèle conservée (échelle {scale}, moyenne {mean}, écart type {std}) ; demandez son recalcul pour utiliser plutôt celle des pixels d'entraînement</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="175"/>
        <source>spectral_head {value!r} must be true or false</source>
        <translation>spectral_head {value!r} doit valoir true ou false</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="177"/>
        <source>spectral_head is false but the weights have the spectral head</source>
        <translation>spectral_head vaut false mais les poids contiennent la tête spectrale</translation>
    </message>
    <message>
        <location filename="../model/metadata.py" line="177"/>
        <source>spectral_head is true but the weights have no spectral head</source>
        <translation>spectral_head vaut true mais les poids ne contiennent pas de tête spectrale</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="29"/>
        <source>Spectral head: on (as asked).</source>
        <translation>Tête spectrale : activée (comme demandé).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="29"/>
        <source>Spectral head: off (as asked).</source>
        <translation>Tête spectrale : désactivée (comme demandé).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="35"/>
        <source>Spectral head: on: pixels of {gsd} m are at least {limit} m (SPECTRAL_HEAD auto: on for satellite pixels of {limit} m and coarser, where a class is mostly its spectrum).</source>
        <translation>Tête spectrale : activée : des pixels de {gsd} m font au moins {limit} m (SPECTRAL_HEAD auto : activée pour les pixels satellitaires de {limit} m et plus, où une classe est surtout son spectre).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="38"/>
        <source>Spectral head: off: pixels of {gsd} m are finer than {limit} m (SPECTRAL_HEAD auto: on only for pixels of {limit} m and coarser; finer imagery is classified by its shapes).</source>
        <translation>Tête spectrale : désactivée : des pixels de {gsd} m sont plus fins que {limit} m (SPECTRAL_HEAD auto : activée seulement pour les pixels de {limit} m et plus ; les images plus fines se classent par leurs formes).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="46"/>
        <source>Spectral head: on: the pixel size in metres is unknown and the labels cover {share} of the raster, a few polygons (SPECTRAL_HEAD auto).</source>
        <translation>Tête spectrale : activée : la taille des pixels en mètres est inconnue et les étiquettes couvrent {share} du raster, donc quelques polygones (SPECTRAL_HEAD auto).</translation>
    </message>
    <message>
        <location filename="../model/spectral_choice.py" line="49"/>
        <source>Spectral head: off: the pixel size in metres is unknown and the labels cover {share} of the raster, dense labels (SPECTRAL_HEAD auto).</source>
        <translation>Tête spectrale : désactivée : la taille des pixels en mètres est inconnue et les étiquettes couvrent {share} du raster, donc des étiquettes denses (SPECTRAL_HEAD auto).</translation>
    </message>
    <message>
        <location filename="../model/training/config.py" line="118"/>
        <source>few_labels_decoder_weight must be between 0 and 1 (got {value})</source>
        <translation>few_labels_decoder_weight doit être compris entre 0 et 1 (reçu : {value})</translation>
    </message>
</context>
<context>
    <name>RemoteNetAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="118"/>
        <source>Checking the {name} parameters</source>
        <translation>la vérification des paramètres de {name}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="143"/>
        <source>{name} was cancelled; no output files were written.</source>
        <translation>{name} a été annulé ; aucun fichier de sortie n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/base.py" line="201"/>
        <source>{what} failed: {error}</source>
        <translation>Échec de {what} : {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/choices.py" line="108"/>
        <source>{parameter}: {value} is not one of its choices; give one of {names} (or its number, 0 to {last})</source>
        <translation>{parameter} : {value} ne fait pas partie des choix possibles ; indiquez l'un de {names} (ou son numéro, de 0 à {last})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/choices.py" line="117"/>
        <source>Values: {names}.</source>
        <translation>Valeurs : {names}.</translation>
    </message>
</context>
<context>
    <name>RemoteNetInstaller</name>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="88"/>
        <source>Packages: {packages}</source>
        <translation>Paquets : {packages}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="90"/>
        <source>Into: {target}</source>
        <translation>Dans : {target}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="94"/>
        <source>Download: {size}</source>
        <translation>Téléchargement : {size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="196"/>
        <source>torch below 2.9: newer builds fail to load inside QGIS on Windows (c10.dll, WinError 1114).</source>
        <translation>torch inférieur à 2.9 : les versions plus récentes ne se chargent pas dans QGIS sous Windows (c10.dll, WinError 1114).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="199"/>
        <source>NVIDIA driver found: CUDA 12.6 build from download.pytorch.org.</source>
        <translation>Pilote NVIDIA détecté : version CUDA 12.6 depuis download.pytorch.org.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="203"/>
        <source>No NVIDIA driver found: CPU build.</source>
        <translation>Aucun pilote NVIDIA détecté : version CPU.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="207"/>
        <source>macOS: PyPI&apos;s build (CPU, Apple GPU through MPS).</source>
        <translation>macOS : version de PyPI (CPU, GPU Apple via MPS).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="211"/>
        <source>NVIDIA driver found: PyPI&apos;s CUDA build.</source>
        <translation>Pilote NVIDIA détecté : version CUDA de PyPI.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="211"/>
        <source>{arch}: PyPI&apos;s build (CPU).</source>
        <translation>{arch} : version de PyPI (CPU).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="213"/>
        <source>about 3-5 GB with CUDA libraries</source>
        <translation>environ 3 à 5 Go avec les bibliothèques CUDA</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="218"/>
        <source>No NVIDIA driver found: CPU build of torch and torchvision from download.pytorch.org/whl/cpu.</source>
        <translation>Aucun pilote NVIDIA détecté : version CPU de torch et torchvision depuis download.pytorch.org/whl/cpu.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="225"/>
        <source>about {size}</source>
        <translation>environ {size}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="280"/>
        <source>cannot find the Python executable of this QGIS (Python {version}); install the packages by hand (see docs/installing.md)</source>
        <translation>impossible de trouver l'exécutable Python de ce QGIS (Python {version}) ; installez les paquets à la main (voir docs/installing.md)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="295"/>
        <source>{index} cannot be reached from here: PyPI&apos;s build instead (on Linux the CUDA build: it runs on a CPU too, but downloads 3-5 GB).</source>
        <translation>{index} est injoignable d'ici : version de PyPI à la place (sous Linux, la version CUDA : elle fonctionne aussi sur un CPU, mais télécharge 3 à 5 Go).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="301"/>
        <source>Kept from QGIS&apos;s Python: {packages}.</source>
        <translation>Repris du Python de QGIS : {packages}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="401"/>
        <source>Installing the downloaded packages (this can take minutes)</source>
        <translation>Installation des paquets téléchargés (cela peut prendre plusieurs minutes)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="461"/>
        <source>Cancelled: nothing was installed.</source>
        <translation>Annulé : rien n'a été installé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="466"/>
        <source>pip failed (exit code {code}): {errors} Full log: {log}</source>
        <translation>pip a échoué (code de sortie {code}) : {errors} Journal complet : {log}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="474"/>
        <source>pip succeeded but the previous install could not be replaced ({error}); restart QGIS and install again before running an algorithm.</source>
        <translation>pip a réussi mais l'installation précédente n'a pas pu être remplacée ({error}) ; redémarrez QGIS et relancez l'installation avant d'exécuter un algorithme.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="478"/>
        <source>Installed {count} packages into {target}. Restart QGIS to use them.</source>
        <translation>{count} paquets installés dans {target}. Redémarrez QGIS pour les utiliser.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="34"/>
        <source>Install PyTorch and dependencies…</source>
        <translation>Installer PyTorch et ses dépendances…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="37"/>
        <source>Install torch, timm and safetensors for RemoteNet into your QGIS profile</source>
        <translation>Installer torch, timm et safetensors pour RemoteNet dans votre profil QGIS</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="56"/>
        <source>needs {packages} to run its algorithms.</source>
        <translation>a besoin de {packages} pour exécuter ses algorithmes.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer_gui.py" line="59"/>
        <source>Install…</source>
        <translation>Installer…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="91"/>
        <source>With: {python}</source>
        <translation>Avec : {python}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="189"/>
        <source>No torch below 2.9 exists for Python {version}: the newest is installed, and may fail to load inside QGIS on Windows (c10.dll, WinError 1114).</source>
        <translation>Aucune version de torch inférieure à 2.9 n'existe pour Python {version} : la plus récente est installée, et risque de ne pas se charger dans QGIS sous Windows (c10.dll, WinError 1114).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="285"/>
        <source>{python} is not the Python {running} this QGIS runs on (it says: {version}); give the installer QGIS&apos;s Python</source>
        <translation>{python} n'est pas le Python {running} sur lequel tourne ce QGIS (il indique : {version}) ; donnez à l'installateur le Python de QGIS</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="322"/>
        <source>pip is not available for {python} and cannot run from its wheel ({error}). On Debian/Ubuntu: sudo apt install python3-pip. Then try again.</source>
        <translation>pip n'est pas disponible pour {python} et ne peut pas être lancé depuis son fichier wheel ({error}). Sous Debian/Ubuntu : sudo apt install python3-pip. Puis réessayez.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="327"/>
        <source>pip is not installed for this Python (on Debian/Ubuntu it is the package python3-pip): pip runs from its wheel {wheel}.</source>
        <translation>pip n'est pas installé pour ce Python (sous Debian/Ubuntu, c'est le paquet python3-pip) : pip est lancé depuis son fichier wheel {wheel}.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/installer.py" line="331"/>
        <source>pip is not installed for this Python (on Debian/Ubuntu it is the package python3-pip): the installer first downloads pip&apos;s wheel (about 2 MB) from the package index into {folder} and runs pip from there.</source>
        <translation>pip n'est pas installé pour ce Python (sous Debian/Ubuntu, c'est le paquet python3-pip) : l'installateur télécharge d'abord le fichier wheel de pip (environ 2 Mo) depuis l'index de paquets dans {folder}, puis lance pip depuis cet emplacement.</translation>
    </message>
</context>
<context>
    <name>RemoteNetPlugin</name>
    <message>
        <location filename="../remotenet_plugin/plugin.py" line="52"/>
        <source>RemoteNet Segment…</source>
        <translation>RemoteNet Segmenter…</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/plugin.py" line="54"/>
        <source>Classify a raster with a RemoteNet model</source>
        <translation>Classifier un raster avec un modèle RemoteNet</translation>
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
        <translation>RemoteNet segmentation sémantique</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/provider.py" line="61"/>
        <source>RemoteNet: algorithm {name} could not be loaded:
{traceback}</source>
        <translation>RemoteNet : l'algorithme {name} n'a pas pu être chargé :
{traceback}</translation>
    </message>
</context>
<context>
    <name>SegmentAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="52"/>
        <source>Classifies every pixel of a raster layer with a RemoteNet network. Writes a styled class raster (GeoTIFF, UInt8, 255 = nodata) on the input&apos;s pixel grid, and optionally class polygons (GeoPackage) and a confidence raster.</source>
        <translation>Classifie chaque pixel d'une couche raster avec un réseau RemoteNet. Écrit un raster de classes stylé (GeoTIFF, UInt8, 255 = NoData) sur la grille de pixels de l'entrée et, en option, des polygones de classes (GeoPackage) et un raster de confiance.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="241"/>
        <source>Input raster</source>
        <translation>Raster en entrée</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="57"/>
        <source>a raster file GDAL can read. Pixels that are nodata stay nodata; tiles made only of nodata are skipped.</source>
        <translation>un fichier raster que GDAL peut lire. Les pixels NoData restent NoData ; les tuiles composées uniquement de NoData sont ignorées.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="61"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="61"/>
        <source>a RemoteNet model: &lt;i&gt;.safetensors&lt;/i&gt; written by RemoteNet Train or remotenet.model.save_model. Its header says which bands it expects and in which order, how to scale and normalise pixels, the tile size it was trained at, and its classes with names and colours (used to style the outputs). Plain PyTorch state_dicts (.pth/.pt) load too, with default classes; no file can run code when loaded. {bundled}</source>
        <translation>un modèle RemoteNet : &lt;i&gt;.safetensors&lt;/i&gt; écrit par RemoteNet Entraîner ou remotenet.model.save_model. Son en-tête indique les bandes attendues et leur ordre, comment mettre à l'échelle et normaliser les pixels, la taille de tuile utilisée à l'entraînement, ainsi que ses classes avec leurs noms et couleurs (utilisés pour styler les sorties). Les simples state_dict PyTorch (.pth/.pt) se chargent aussi, avec des classes par défaut ; aucun fichier ne peut exécuter de code au chargement. {bundled}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="68"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="68"/>
        <source>the raster bands fed to the model, in order, as many as the model takes. Default: the band list in the model header.</source>
        <translation>les bandes du raster fournies au modèle, dans l'ordre, autant que le modèle en prend. Par défaut : la liste de bandes de l'en-tête du modèle.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="72"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="72"/>
        <source>classify only this part of the raster (on the input&apos;s pixel grid). Default: the whole raster.</source>
        <translation>ne classifier que cette partie du raster (sur la grille de pixels de l'entrée). Par défaut : tout le raster.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="93"/>
        <source>Tile size</source>
        <translation>Taille des tuiles</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="98"/>
        <source>Overlap</source>
        <translation>Chevauchement</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="98"/>
        <source>advanced; pixels shared by neighbouring tiles, blended smoothly so seams don&apos;t show; less than half the tile size. Default: chosen from the tile size.</source>
        <translation>avancé ; pixels partagés par des tuiles voisines, fondus progressivement pour que les raccords ne se voient pas ; moins de la moitié de la taille des tuiles. Par défaut : choisi d'après la taille des tuiles.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="102"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="102"/>
        <source>advanced; tiles run together. Lower it if memory runs out.</source>
        <translation>avancé ; nombre de tuiles traitées ensemble. Réduisez-le si la mémoire vient à manquer.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="270"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="104"/>
        <source>advanced; Auto uses a CUDA GPU when present, else the CPU. The log says which ran.</source>
        <translation>avancé ; Automatique utilise un GPU CUDA s'il y en a un, sinon le CPU. Le journal indique lequel a été utilisé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="271"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="272"/>
        <source>Runtime</source>
        <translation>Moteur d'exécution</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="115"/>
        <source>advanced; Auto runs the network with OpenVINO on the CPU when it is installed (pip install openvino; several times faster than PyTorch, same class on over 99.5% of pixels; converted once per model and tile size and kept in the user&apos;s cache folder), else with PyTorch, and always with PyTorch on a GPU. The log and the raster&apos;s REMOTENET_RUNTIME tag say which ran.</source>
        <translation>avancé ; Automatique exécute le réseau avec OpenVINO sur le CPU s'il est installé (pip install openvino ; plusieurs fois plus rapide que PyTorch, même classe sur plus de 99,5 % des pixels ; converti une fois par modèle et par taille de tuile, puis conservé dans le dossier de cache de l'utilisateur), sinon avec PyTorch, et toujours avec PyTorch sur un GPU. Le journal et la métadonnée REMOTENET_RUNTIME du raster indiquent lequel a été utilisé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="121"/>
        <source>Chunk size</source>
        <translation>Taille des blocs</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="121"/>
        <source>advanced; a raster larger than this many pixels a side runs chunk by chunk: memory stays the same whatever the raster&apos;s size, the results are written as Cloud Optimized GeoTIFFs with overviews, and a run that was stopped by a crash resumes from its finished chunks when run again with the same inputs (they wait in a hidden folder beside the output). Rounded up to the tile stride.</source>
        <translation>avancé ; un raster de plus de ce nombre de pixels de côté est traité bloc par bloc : la mémoire utilisée reste la même quelle que soit la taille du raster, les résultats sont écrits en Cloud Optimized GeoTIFF avec pyramides, et une exécution interrompue par un plantage reprend à partir de ses blocs terminés lorsqu'elle est relancée avec les mêmes entrées (ils sont conservés dans un dossier caché à côté de la sortie). Arrondi au multiple supérieur du pas des tuiles.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="127"/>
        <source>Dask scheduler</source>
        <translation>Ordonnanceur Dask</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="127"/>
        <source>advanced; the address of a Dask scheduler (tcp://host:8786 or tls://host:8786) to spread the chunks over its workers; empty runs in QGIS. Every worker needs this plugin&apos;s Python package and must reach the input, the model and the output folder under the same paths (docs/cluster.md). A scheduler runs whatever its clients send: only use one you trust, on a private network or with TLS.</source>
        <translation>avancé ; l'adresse d'un ordonnanceur Dask (tcp://hôte:8786 ou tls://hôte:8786) pour répartir les blocs sur ses workers ; vide : exécution dans QGIS. Chaque worker a besoin du paquet Python de cette extension et doit accéder à l'entrée, au modèle et au dossier de sortie par les mêmes chemins (docs/cluster.md). Un ordonnanceur exécute tout ce que ses clients lui envoient : n'utilisez qu'un ordonnanceur de confiance, sur un réseau privé ou avec TLS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="133"/>
        <source>Test-time augmentation</source>
        <translation>Augmentation au moment du test</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="133"/>
        <source>advanced; also runs flipped tiles and averages the results: cleaner edges, several times slower.</source>
        <translation>avancé ; traite aussi les tuiles retournées et fait la moyenne des résultats : contours plus nets, mais plusieurs fois plus lent.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="136"/>
        <source>Minimum polygon area</source>
        <translation>Surface minimale des polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="136"/>
        <source>polygons smaller than this many square metres are dropped; 0 keeps all.</source>
        <translation>les polygones de moins de ce nombre de mètres carrés sont supprimés ; 0 les garde tous.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="139"/>
        <source>Simplify tolerance</source>
        <translation>Tolérance de simplification</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="139"/>
        <source>simplifies polygon outlines by this distance in map units; 0 keeps the pixel outlines.</source>
        <translation>simplifie les contours des polygones avec cette distance en unités de carte ; 0 garde les contours des pixels.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="288"/>
        <source>Classified raster</source>
        <translation>Raster classifié</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="142"/>
        <source>GeoTIFF with a colour table, category names and a .qml style beside it.</source>
        <translation>GeoTIFF avec une table de couleurs, des noms de catégories et un style .qml à côté.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="289"/>
        <source>Class polygons</source>
        <translation>Polygones des classes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="145"/>
        <source>optional GeoPackage with fields class_id, class_name, area_m2 (and mean_confidence when a confidence raster is written); its default style is stored in the GeoPackage.</source>
        <translation>GeoPackage optionnel avec les champs class_id, class_name, area_m2 (et mean_confidence quand un raster de confiance est écrit) ; son style par défaut est enregistré dans le GeoPackage.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="292"/>
        <source>Confidence raster</source>
        <translation>Raster de confiance</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="149"/>
        <source>optional Float32 GeoTIFF with the winning class probability.</source>
        <translation>GeoTIFF Float32 optionnel avec la probabilité de la classe retenue.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="152"/>
        <source>Needs the Python packages torch, timm and safetensors in the Python that QGIS runs.</source>
        <translation>Nécessite les paquets Python torch, timm et safetensors dans le Python utilisé par QGIS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="226"/>
        <source>RemoteNet Segment</source>
        <translation>RemoteNet Segmenter</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="229"/>
        <source>segmentation,classification,deep learning,remotenet,land cover,buildings</source>
        <translation>segmentation,classification,apprentissage profond,remotenet,occupation du sol,bâtiments</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="232"/>
        <source>Classifies every pixel of a raster with a RemoteNet model; styled class raster and polygons.</source>
        <translation>Classifie chaque pixel d'un raster avec un modèle RemoteNet ; raster de classes stylé et polygones.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="235"/>
        <source>When empty, the bundled demonstration model (buildings) is used.</source>
        <translation>Si ce champ est vide, le modèle de démonstration fourni (bâtiments) est utilisé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="235"/>
        <source>Required here: no demonstration model is bundled with this installation.</source>
        <translation>Obligatoire ici : aucun modèle de démonstration n'est fourni avec cette installation.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="242"/>
        <source>Model file (.safetensors; empty: bundled demonstration model)</source>
        <translation>Fichier du modèle (.safetensors ; vide : modèle de démonstration fourni)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="242"/>
        <source>RemoteNet models (*.safetensors *.pth *.pt);;All files (*.*)</source>
        <translation>Modèles RemoteNet (*.safetensors *.pth *.pt);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="246"/>
        <source>Bands (default: from the model file)</source>
        <translation>Bandes (par défaut : celles du fichier du modèle)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="249"/>
        <source>Extent (default: whole raster)</source>
        <translation>Emprise (par défaut : tout le raster)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="261"/>
        <source>Tile size in pixels (default: from the model file)</source>
        <translation>Taille des tuiles en pixels (par défaut : celle du fichier du modèle)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="264"/>
        <source>Tile overlap in pixels (default: automatic)</source>
        <translation>Chevauchement des tuiles en pixels (par défaut : automatique)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="267"/>
        <source>Batch size (tiles)</source>
        <translation>Taille de lot (tuiles)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="274"/>
        <source>Chunk size in pixels (larger rasters run chunk by chunk, resumably)</source>
        <translation>Taille des blocs en pixels (les rasters plus grands sont traités bloc par bloc, avec reprise)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="277"/>
        <source>Dask scheduler address (empty: run in QGIS)</source>
        <translation>Adresse de l'ordonnanceur Dask (vide : exécution dans QGIS)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="280"/>
        <source>Test-time augmentation (flips; slower)</source>
        <translation>Augmentation au moment du test (retournements ; plus lent)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="282"/>
        <source>Minimum polygon area (square metres)</source>
        <translation>Surface minimale des polygones (mètres carrés)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="285"/>
        <source>Simplify tolerance (map units)</source>
        <translation>Tolérance de simplification (unités de carte)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="294"/>
        <source>Device that ran the model</source>
        <translation>Périphérique qui a exécuté le modèle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="295"/>
        <source>Tiles</source>
        <translation>Tuiles</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="296"/>
        <source>Tiles skipped as nodata</source>
        <translation>Tuiles ignorées car NoData</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="367"/>
        <source>INPUT: {value} is not a raster layer QGIS can open; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT : {value} n'est pas une couche raster que QGIS peut ouvrir ; choisissez un fichier raster (par exemple un GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="371"/>
        <source>INPUT: layer &apos;{layer}&apos; comes from the &apos;{provider}&apos; provider; RemoteNet reads raster files through GDAL: save the layer as a GeoTIFF first (Raster &gt; Conversion &gt; Translate)</source>
        <translation>INPUT : la couche '{layer}' provient du fournisseur de données '{provider}' ; RemoteNet lit les fichiers raster via GDAL : enregistrez d'abord la couche en GeoTIFF (Raster &gt; Conversion &gt; Convertir)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="389"/>
        <source>INPUT: {path} does not exist; choose an existing raster file</source>
        <translation>INPUT : {path} n'existe pas ; choisissez un fichier raster existant</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="391"/>
        <source>INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a GeoTIFF) rather than a vector file</source>
        <translation>INPUT : {path} n'est pas un raster que GDAL peut lire ; choisissez un fichier raster (par exemple un GeoTIFF) plutôt qu'un fichier vecteur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="393"/>
        <source>INPUT: {path} is not a raster GDAL can read; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT : {path} n'est pas un raster que GDAL peut lire ; choisissez un fichier raster (par exemple un GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="401"/>
        <source>MODEL: no model file given and no bundled demonstration model found; pass MODEL=... (a .safetensors file written by RemoteNet Train or remotenet.model.save_model)</source>
        <translation>MODEL : aucun fichier de modèle indiqué et aucun modèle de démonstration fourni n'a été trouvé ; passez MODEL=... (un fichier .safetensors écrit par RemoteNet Entraîner ou remotenet.model.save_model)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="405"/>
        <source>MODEL: the model file {path} does not exist; choose an existing .safetensors (or .pth) RemoteNet model file</source>
        <translation>MODEL : le fichier de modèle {path} n'existe pas ; choisissez un fichier de modèle RemoteNet .safetensors (ou .pth) existant</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="418"/>
        <source>MODEL: {path} cannot be read as a RemoteNet model ({error})</source>
        <translation>MODEL : {path} ne peut pas être lu comme un modèle RemoteNet ({error})</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="482"/>
        <source>Model: {path}</source>
        <translation>Modèle : {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="485"/>
        <source>Ran on {device} ({precision}); {tiles} tile(s), {skipped} skipped as nodata; output {width} x {height} pixels</source>
        <translation>Exécuté sur {device} ({precision}) ; {tiles} tuile(s), dont {skipped} ignorée(s) car NoData ; sortie de {width} x {height} pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="485"/>
        <source>; {chunks} chunks, {reused} reused from an interrupted run</source>
        <translation> ; {chunks} blocs, dont {reused} réutilisés d'une exécution interrompue</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="493"/>
        <source>Time per stage: {stages}</source>
        <translation>Temps par étape : {stages}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="501"/>
        <source>The polygons were written but their style could not be stored: {problem}</source>
        <translation>Les polygones ont été écrits mais leur style n'a pas pu être enregistré : {problem}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="75"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="75"/>
        <source>optional polygon layer: only pixels inside its polygons are classified (its selected features only when ticked; reprojected when on another CRS). Pixels outside are nodata (255) and get no polygons; tiles wholly outside are never read, so a small mask over a large raster runs in proportion to its area.</source>
        <translation>couche de polygones facultative : seuls les pixels à l'intérieur de ses polygones sont classés (ses entités sélectionnées seulement si la case est cochée ; reprojetée si elle est dans un autre SCR). Les pixels hors du masque sont nodata (255) et n'ont pas de polygones ; les tuiles entièrement hors du masque ne sont jamais lues, de sorte qu'un petit masque sur un grand raster coûte en proportion de sa surface.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="81"/>
        <source>Processing resolution</source>
        <translation>Résolution de traitement</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="81"/>
        <source>the pixel size the model sees: &lt;i&gt;model&lt;/i&gt; (default: the pixel size the model was trained at, from its file; the input&apos;s when the file does not say), &lt;i&gt;input&lt;/i&gt; (the raster&apos;s own pixels) or a size in metres (for example 0.5; on a geographic raster, metres at the centre). A raster more than 10% away is resampled for the model (bilinear, or cubic), and the classes come back to the input&apos;s grid by nearest neighbour, so the outputs always line up with the input. Upsampling more than 8x is refused.</source>
        <translation>la taille de pixel que voit le modèle : &lt;i&gt;model&lt;/i&gt; (par défaut : la taille de pixel de l'entraînement du modèle, lue dans son fichier ; celle de l'entrée si le fichier ne l'indique pas), &lt;i&gt;input&lt;/i&gt; (les pixels propres du raster) ou une taille en mètres (par exemple 0.5 ; pour un raster géographique, des mètres au centre). Un raster qui s'en écarte de plus de 10% est rééchantillonné pour le modèle (bilinéaire ou cubique), et les classes reviennent sur la grille de l'entrée au plus proche voisin : les sorties sont toujours alignées sur l'entrée. Un suréchantillonnage de plus de 8 fois est refusé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="89"/>
        <source>Resampling</source>
        <translation>Rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="89"/>
        <source>advanced; how the image is resampled for the processing resolution: bilinear (default) or cubic. Classes are never interpolated.</source>
        <translation>avancé ; comment l'image est rééchantillonnée pour la résolution de traitement : bilinéaire (par défaut) ou cubique. Les classes ne sont jamais interpolées.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="251"/>
        <source>Mask: classify only inside these polygons (optional)</source>
        <translation>Masque : classer seulement à l'intérieur de ces polygones (facultatif)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="256"/>
        <source>Processing resolution: model, input or metres</source>
        <translation>Résolution de traitement : model, input ou mètres</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="259"/>
        <source>Resampling of the image</source>
        <translation>Rééchantillonnage de l'image</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="297"/>
        <source>Tiles skipped outside the mask</source>
        <translation>Tuiles ignorées hors du masque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="336"/>
        <source>MASK: {value} is not a vector layer QGIS can open; choose a polygon layer</source>
        <translation>MASK : {value} n'est pas une couche vecteur que QGIS peut ouvrir ; choisissez une couche de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="340"/>
        <source>MASK: &apos;{layer}&apos; holds {kind} geometries; choose a polygon layer</source>
        <translation>MASK : '{layer}' contient des géométries de type {kind} ; choisissez une couche de polygones</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="351"/>
        <source>MASK: cannot copy the mask&apos;s polygons: {error}</source>
        <translation>MASK : impossible de copier les polygones du masque : {error}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="107"/>
        <source>advanced; Auto runs half precision on a GPU (bf16, or fp16 where bf16 is missing) and, on CPUs with native bf16 (AVX-512 BF16 or AMX), bf16 with channels-last, about twice as fast as fp32 with the same class on over 99.5% of pixels; CPUs with AVX-VNNI but neither AVX-512 nor native bf16 use int8 when OpenVINO and NNCF are installed; other CPUs use fp32. FP32 gives the plain full-precision answer everywhere; FP16 needs a GPU; INT8 runs with OpenVINO on the CPU (pip install nncf), quantised once per model file on tiles of the first raster it runs on.</source>
        <translation>avancé ; Automatique calcule en demi-précision sur un GPU (bf16, ou fp16 là où bf16 manque) et, sur les CPU avec bf16 natif (AVX-512 BF16 ou AMX), en bf16 avec channels-last, environ deux fois plus vite que fp32 avec la même classe sur plus de 99,5 % des pixels ; les CPU avec AVX-VNNI mais sans AVX-512 ni bf16 natif utilisent int8 quand OpenVINO et NNCF sont installés ; les autres CPU utilisent fp32. FP32 donne partout le résultat simple en pleine précision ; FP16 nécessite un GPU ; INT8 s'exécute avec OpenVINO sur le CPU (pip install nncf), quantifié une fois par fichier de modèle sur des tuiles du premier raster sur lequel il s'exécute.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/segment_algorithm.py" line="93"/>
        <source>advanced; pixels per tile side, at least {min_tile}. Default: the model&apos;s tile size, and a raster (or window) up to twice that size a side runs as one tile, without overlap or seams (not with int8). Smaller tiles need less memory.</source>
        <translation>avancé ; nombre de pixels par côté de tuile, au moins {min_tile}. Par défaut : la taille de tuile du modèle, et un raster (ou une fenêtre) jusqu'à deux fois cette taille de côté est traité en une seule tuile, sans recouvrement ni raccords (pas en int8). Des tuiles plus petites demandent moins de mémoire.</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="202"/>
        <source>Input raster</source>
        <translation>Raster en entrée</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="56"/>
        <source>the image to learn from (a raster file GDAL can read).</source>
        <translation>l'image à partir de laquelle apprendre (un fichier raster que GDAL peut lire).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="58"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="58"/>
        <source>either a class raster (pixel values are the classes; 255 and nodata are unlabelled; other grids and CRSs are warped onto the image) or polygons with a class field (rasterised onto the image grid; reprojected when on another CRS). Polygons without a class field are one class (named after the layer) on a background class 0: building footprints, say.</source>
        <translation>soit un raster de classes (les valeurs des pixels sont les classes ; 255 et NoData ne sont pas étiquetés ; les autres grilles et SCR sont ré-échantillonnés sur l'image), soit des polygones avec un champ de classe (rasterisés sur la grille de l'image ; reprojetés s'ils sont dans un autre SCR). Les polygones sans champ de classe forment une classe (nommée d'après la couche) sur une classe de fond 0 : par exemple des emprises au sol de bâtiments.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="64"/>
        <source>Class field</source>
        <translation>Champ de classe</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="64"/>
        <source>polygons only: a whole-number field keeps its values as class values; a text field gives classes 0..N-1 named by its values. Pixels outside polygons are unlabelled unless BACKGROUND is set.</source>
        <translation>polygones uniquement : un champ de nombres entiers garde ses valeurs comme valeurs de classe ; un champ texte donne les classes 0..N-1 nommées d'après ses valeurs. Les pixels hors des polygones ne sont pas étiquetés, sauf si BACKGROUND est activé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="68"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="68"/>
        <source>the raster bands to learn from, in order. Default: all.</source>
        <translation>les bandes du raster à partir desquelles apprendre, dans l'ordre. Par défaut : toutes.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="70"/>
        <source>Tile size</source>
        <translation>Taille des tuiles</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="75"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="75"/>
        <source>passes over the training chips; 0 (the default) = no epoch limit: the time budget decides.</source>
        <translation>passages sur les imagettes d'entraînement ; 0 (par défaut) = pas de limite d'époques : le budget de temps décide.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="78"/>
        <source>Maximum minutes</source>
        <translation>Durée maximale en minutes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="78"/>
        <source>time budget for the whole run, validation included; 0 = no limit. Training stops at whichever of EPOCHS and MAX_MINUTES is set and comes first (by default, after {minutes} minutes). Training stops in time and keeps the best checkpoint so far.</source>
        <translation>budget de temps pour toute l'exécution, validation comprise ; 0 = pas de limite. L'entraînement s'arrête à la première limite atteinte parmi EPOCHS et MAX_MINUTES (par défaut, après {minutes} minutes). L'entraînement s'arrête à temps et conserve le meilleur checkpoint obtenu jusque-là.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="83"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="83"/>
        <source>chips per step; lower it if memory runs out.</source>
        <translation>nombre d'imagettes par itération ; réduisez-le si la mémoire vient à manquer.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="221"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="85"/>
        <source>Auto uses a CUDA GPU when present (bf16 mixed precision), else the CPU (fp32).</source>
        <translation>Automatique utilise un GPU CUDA s'il y en a un (précision mixte bf16), sinon le CPU (fp32).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="88"/>
        <source>Pretrained encoder</source>
        <translation>Encodeur pré-entraîné</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="88"/>
        <source>start the encoder from ImageNet weights (downloads them from the Hugging Face hub unless cached); off by default, nothing is downloaded.</source>
        <translation>initialise l'encodeur avec des poids ImageNet (téléchargés depuis le hub Hugging Face s'ils ne sont pas en cache) ; désactivé par défaut, rien n'est téléchargé.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="101"/>
        <source>Background class</source>
        <translation>Classe de fond</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="101"/>
        <source>advanced; with a class field, pixels outside the polygons become a &apos;background&apos; class instead of unlabelled.</source>
        <translation>avancé ; avec un champ de classe, les pixels hors des polygones forment une classe « fond » au lieu de ne pas être étiquetés.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="230"/>
        <source>Validation fraction</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="233"/>
        <source>Learning rate</source>
        <translation>Taux d'apprentissage</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="108"/>
        <source>advanced; AdamW peak learning rate (warm-up, then polynomial decay).</source>
        <translation>avancé ; taux d'apprentissage maximal d'AdamW (préchauffage, puis décroissance polynomiale).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="236"/>
        <source>Encoder</source>
        <translation>Encodeur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="126"/>
        <source>Encoder weights file</source>
        <translation>Fichier de poids de l'encodeur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="126"/>
        <source>advanced; optional local pretrained weights for the chosen encoder: timm&apos;s state_dict of that network (.safetensors, or .pth read as weights only). For machines that cannot download; do not combine with PRETRAINED_ENCODER.</source>
        <translation>avancé ; poids pré-entraînés locaux optionnels pour l'encodeur choisi : le state_dict timm de ce réseau (.safetensors, ou .pth lu comme poids uniquement). Pour les machines qui ne peuvent rien télécharger ; ne pas combiner avec PRETRAINED_ENCODER.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="247"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="135"/>
        <source>the .safetensors model file to write.</source>
        <translation>le fichier de modèle .safetensors à écrire.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="138"/>
        <source>Training on a CPU is slow: expect minutes for a small scene. Needs torch, timm and safetensors in the Python that QGIS runs.</source>
        <translation>L'entraînement sur un CPU est lent : comptez plusieurs minutes pour une petite scène. Nécessite torch, timm et safetensors dans le Python utilisé par QGIS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="189"/>
        <source>RemoteNet Train</source>
        <translation>RemoteNet Entraîner</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="192"/>
        <source>training,segmentation,deep learning,remotenet,model,labels</source>
        <translation>entraînement,segmentation,apprentissage profond,remotenet,modèle,étiquettes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="195"/>
        <source>Trains a RemoteNet model from a raster and labels (class raster or polygons).</source>
        <translation>Entraîne un modèle RemoteNet à partir d'un raster et d'étiquettes (raster de classes ou polygones).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="203"/>
        <source>Labels (class raster, or polygons)</source>
        <translation>Étiquettes (raster de classes ou polygones)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="205"/>
        <source>Class field (polygons; empty: one class on a background)</source>
        <translation>Champ de classe (polygones ; vide : une classe sur un fond)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="207"/>
        <source>Bands (default: all)</source>
        <translation>Bandes (par défaut : toutes)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="213"/>
        <source>Epochs (0: no limit, the time budget decides)</source>
        <translation>Époques (0 : pas de limite, le budget de temps décide)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="216"/>
        <source>Maximum minutes (0: no limit)</source>
        <translation>Durée maximale en minutes (0 : pas de limite)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="219"/>
        <source>Batch size (chips)</source>
        <translation>Taille de lot (imagettes)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="222"/>
        <source>Start from an ImageNet-pretrained encoder (downloads)</source>
        <translation>Partir d'un encodeur pré-entraîné sur ImageNet (téléchargement)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="228"/>
        <source>Pixels outside polygons are a background class</source>
        <translation>Les pixels hors des polygones forment une classe de fond</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="241"/>
        <source>Encoder weights file (timm .safetensors or .pth)</source>
        <translation>Fichier de poids de l'encodeur (timm .safetensors ou .pth)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="241"/>
        <source>Weights (*.safetensors *.pth *.pt)</source>
        <translation>Poids (*.safetensors *.pth *.pt)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="247"/>
        <source>RemoteNet model (*.safetensors)</source>
        <translation>Modèle RemoteNet (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="249"/>
        <source>Validation mIoU</source>
        <translation>mIoU de validation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="250"/>
        <source>Validation overall accuracy</source>
        <translation>Précision globale de validation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="251"/>
        <source>Training steps</source>
        <translation>Itérations d'entraînement</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="252"/>
        <source>Epochs run</source>
        <translation>Époques effectuées</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="253"/>
        <source>Device that trained the model</source>
        <translation>Périphérique qui a entraîné le modèle</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="254"/>
        <source>Classes (JSON)</source>
        <translation>Classes (JSON)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="261"/>
        <source>INPUT: {value} is not a raster layer QGIS can open; choose a raster file (for example a GeoTIFF)</source>
        <translation>INPUT : {value} n'est pas une couche raster que QGIS peut ouvrir ; choisissez un fichier raster (par exemple un GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="265"/>
        <source>INPUT: layer &apos;{layer}&apos; comes from the &apos;{provider}&apos; provider; save it as a GeoTIFF first</source>
        <translation>INPUT : la couche '{layer}' provient du fournisseur de données '{provider}' ; enregistrez-la d'abord en GeoTIFF</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="277"/>
        <source>BANDS: the raster has {count} band(s); it has no band {bands}</source>
        <translation>BANDS : le raster a {count} bande(s) ; il n'a pas de bande {bands}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="281"/>
        <source>TILE_SIZE: {tile} is too small; use at least {minimum} pixels</source>
        <translation>TILE_SIZE : {tile} est trop petit ; utilisez au moins {minimum} pixels</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="286"/>
        <source>EPOCHS and MAX_MINUTES are both 0: nothing would stop the training; set an epoch count, a time budget, or both</source>
        <translation>EPOCHS et MAX_MINUTES valent tous deux 0 : rien n'arrêterait l'entraînement ; indiquez un nombre d'époques, un budget de temps, ou les deux</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="290"/>
        <source>BATCH_SIZE: {batch} must be at least 1 chip</source>
        <translation>BATCH_SIZE : {batch} doit valoir au moins 1 imagette</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="294"/>
        <source>ENCODER_WEIGHTS: {path} is not a file; give timm&apos;s weights for the chosen encoder, or leave it empty</source>
        <translation>ENCODER_WEIGHTS : {path} n'est pas un fichier ; indiquez les poids timm de l'encodeur choisi, ou laissez ce champ vide</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="299"/>
        <source>PRETRAINED_ENCODER and ENCODER_WEIGHTS both give starting weights; turn PRETRAINED_ENCODER off to use the local file</source>
        <translation>PRETRAINED_ENCODER et ENCODER_WEIGHTS donnent tous deux des poids de départ ; désactivez PRETRAINED_ENCODER pour utiliser le fichier local</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="341"/>
        <source>OUTPUT_MODEL: give a file name for the model (.safetensors)</source>
        <translation>OUTPUT_MODEL : indiquez un nom de fichier pour le modèle (.safetensors)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="343"/>
        <source>OUTPUT_MODEL: {path} must end in .safetensors (the model file format)</source>
        <translation>OUTPUT_MODEL : {path} doit se terminer par .safetensors (le format des fichiers de modèle)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="372"/>
        <source>Reading the raster and labels</source>
        <translation>Lecture du raster et des étiquettes</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="412"/>
        <source>Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); best validation mIoU {miou} at epoch {best_epoch}. Model written to {path}</source>
        <translation>Arrêté (limite : {stopped_by}) après {steps} itérations ({epochs} époques, {seconds} s) ; meilleur mIoU de validation {miou} à l'époque {best_epoch}. Modèle écrit dans {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="437"/>
        <source>Training on {device} (bf16 mixed precision): {train} training and {val} validation chips, {steps} steps per epoch</source>
        <translation>Entraînement sur {device} (précision mixte bf16) : {train} imagettes d'entraînement et {val} de validation, {steps} itérations par époque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="437"/>
        <source>Training on {device}: {train} training and {val} validation chips, {steps} steps per epoch</source>
        <translation>Entraînement sur {device} : {train} imagettes d'entraînement et {val} de validation, {steps} itérations par époque</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="449"/>
        <source>epoch {epoch}, step {step}, loss {loss}</source>
        <translation>époque {epoch}, itération {step}, perte {loss}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="481"/>
        <source>Validation at epoch {epoch}: mIoU {miou} (best so far)</source>
        <translation>Validation à l'époque {epoch} : mIoU {miou} (meilleur jusqu'ici)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="481"/>
        <source>Validation at epoch {epoch}: mIoU {miou}</source>
        <translation>Validation à l'époque {epoch} : mIoU {miou}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="70"/>
        <source>chip side in pixels (at least {min_tile}); also the tile size stored for Segment. 0 (the default): chosen from the raster&apos;s size and the spread of the labels (256 for a large scene with dense labels, 128 or less for a small scene or a few polygons), and said in the log.</source>
        <translation>côté des extraits en pixels (au moins {min_tile}) ; aussi la taille de tuile enregistrée pour Segment. 0 (par défaut) : choisie d'après la taille du raster et l'étendue des étiquettes (256 pour une grande scène aux étiquettes denses, 128 ou moins pour une petite scène ou quelques polygones), et indiquée dans le journal.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="105"/>
        <source>advanced; share of the labelled pixels held out to validate, as whole objects (at least one object of each class that has two).</source>
        <translation>avancé ; part des pixels étiquetés mise de côté pour la validation, par objets entiers (au moins un objet de chaque classe qui en a deux).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="110"/>
        <source>advanced; resnet18 (the default) is a CNN encoder feeding RemoteNet&apos;s decoder: faster on a CPU and learns more from random weights and few labels (on a held-out road scene, docs/training.md: road IoU 0.55-0.57 after 8 minutes on 2 CPU cores); pvt_v2_b1 is the reference RemoteNet encoder. The model file records which one it is; Segment and Evaluate read either.</source>
        <translation>avancé ; resnet18 (par défaut) est un encodeur CNN qui alimente le décodeur de RemoteNet : plus rapide sur un CPU, il apprend davantage à partir de poids aléatoires et de peu d'étiquettes (sur une scène de routes mise de côté, docs/training.md : IoU des routes 0,55-0,57 après 8 minutes sur 2 cœurs) ; pvt_v2_b1 est l'encodeur de référence de RemoteNet. Le fichier de modèle indique lequel il utilise ; Segment et Evaluate lisent les deux.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="210"/>
        <source>Tile size (pixels; 0: chosen from the scene)</source>
        <translation>Taille de tuile (pixels ; 0 : choisie d'après la scène)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="461"/>
        <source>Validation is too small to choose a checkpoint ({pixels} validation pixels; per class {per_class}; needed: {min_pixels} in all and {min_class} per class): the moving average of the weights at the end is kept.</source>
        <translation>La validation est trop petite pour choisir un état ({pixels} pixels de validation ; par classe {per_class} ; il faut {min_pixels} en tout et {min_class} par classe) : la moyenne glissante des poids à la fin est conservée.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="461"/>
        <source>The weights at the end of training are kept (checkpoint rule &apos;last&apos;).</source>
        <translation>Les poids à la fin de l'entraînement sont conservés (règle « last »).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="92"/>
        <source>Initial model</source>
        <translation>Modèle initial</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="92"/>
        <source>optional; fine-tuning: start from this RemoteNet model file (.safetensors) instead of random weights. Its encoder is used (ENCODER does not apply; the log says so). It must take as many bands as the training uses (without BANDS: the bands it lists). Labels with its classes (values and names) continue with its classification head; other classes get a new head (the log names the re-initialised layers; rows of classes with the same name are kept), every other weight is the model&apos;s. Its normalisation is kept unless RECOMPUTE_NORMALISATION is on. The new model file names its parent (header initial_model: file name and SHA-256). Not with PRETRAINED_ENCODER or ENCODER_WEIGHTS.</source>
        <translation>facultatif ; affinage : partir de ce fichier de modèle RemoteNet (.safetensors) au lieu de poids aléatoires. Son encodeur est utilisé (ENCODER ne s'applique pas ; le journal le dit). Il doit prendre autant de bandes que l'entraînement en utilise (sans BANDS : les bandes qu'il liste). Des étiquettes avec ses classes (valeurs et noms) continuent avec sa tête de classification ; d'autres classes reçoivent une nouvelle tête (le journal nomme les couches réinitialisées ; les lignes des classes de même nom sont gardées), tous les autres poids sont ceux du modèle. Sa normalisation est conservée sauf si RECOMPUTE_NORMALISATION est activé. Le nouveau fichier de modèle nomme son parent (en-tête initial_model : nom de fichier et SHA-256). Pas avec PRETRAINED_ENCODER ni ENCODER_WEIGHTS.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="131"/>
        <source>Recompute normalisation</source>
        <translation>Recalculer la normalisation</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="131"/>
        <source>advanced; with INITIAL_MODEL: compute the normalisation from the training pixels instead of keeping the initial model&apos;s (for imagery scaled differently from what it learned on).</source>
        <translation>avancé ; avec INITIAL_MODEL : calculer la normalisation à partir des pixels d'entraînement au lieu de garder celle du modèle initial (pour des images mises à l'échelle autrement que celles sur lesquelles il a appris).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="225"/>
        <source>Initial model: fine-tune this RemoteNet model file (optional)</source>
        <translation>Modèle initial : affiner ce fichier de modèle RemoteNet (facultatif)</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="244"/>
        <source>Recompute the initial model&apos;s normalisation from the training pixels</source>
        <translation>Recalculer la normalisation du modèle initial à partir des pixels d'entraînement</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="306"/>
        <source>INITIAL_MODEL: the initial model gives every starting weight; leave PRETRAINED_ENCODER off and ENCODER_WEIGHTS empty</source>
        <translation>INITIAL_MODEL : le modèle initial donne tous les poids de départ ; laissez PRETRAINED_ENCODER désactivé et ENCODER_WEIGHTS vide</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="116"/>
        <source>Spectral head</source>
        <translation>Tête spectrale</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="238"/>
        <source>Spectral head: each pixel&apos;s bands straight to the classifier</source>
        <translation>Tête spectrale : les bandes de chaque pixel directement au classificateur</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="406"/>
        <source>Stopped by {stopped_by} after {steps} steps ({epochs} epochs, {seconds} s); no held-out validation score. Model written to {path}</source>
        <translation>Arrêté (limite : {stopped_by}) après {steps} itérations ({epochs} époques, {seconds} s) ; pas de score de validation sur des données réservées. Modèle écrit dans {path}</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="453"/>
        <source>Validation is too small to choose a checkpoint ({pixels} validation pixels; per class {per_class}; needed: {min_pixels} in all and {min_class} per class): its objects are trained on as well, and the moving average of the weights at the end is kept. No held-out score is reported: score the model with RemoteNet Evaluate on other polygons.</source>
        <translation>La validation est trop petite pour choisir un état ({pixels} pixels de validation ; par classe {per_class} ; il faut {min_pixels} en tout et {min_class} par classe) : ses objets servent aussi à l'entraînement, et la moyenne glissante des poids à la fin est conservée. Aucun score sur données réservées n'est donné : évaluez le modèle avec RemoteNet Évaluer sur d'autres polygones.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="42"/>
        <source>Trains a RemoteNet model on a raster layer and its labels, and writes a model file (.safetensors) that RemoteNet Segment reads. Chips are cut from the labelled area. To validate, whole labelled objects (polygons, or patches of a class raster) are held out so that every class with two or more objects has validation pixels, and no training chip holds a validation pixel. Training draws chips class by class, so rare classes count as much as common ones; the checkpoint with the best validation mIoU is kept, or, when validation is too small to choose one (a few polygons; the log says so, with its pixel counts), its objects are trained on too and the moving average of the weights at the end is kept. With the spectral head (SPECTRAL_HEAD), a per-pixel classifier is first fitted on every labelled pixel, and the network learns what it gets wrong. The model file carries the classes (values, names, colours), bands, normalisation (computed from the training pixels), tile size, pixel size, a description of the data and the validation metrics.</source>
        <translation>Entraîne un modèle RemoteNet sur une couche raster et ses étiquettes, et écrit un fichier de modèle (.safetensors) que RemoteNet Segmenter lit. Des imagettes sont découpées dans la zone étiquetée. Pour valider, des objets étiquetés entiers (polygones, ou zones d'un raster de classes) sont réservés, de sorte que chaque classe ayant deux objets ou plus ait des pixels de validation et qu'aucune imagette d'entraînement ne contienne de pixel de validation. L'entraînement tire les imagettes classe par classe, si bien que les classes rares comptent autant que les fréquentes ; l'état au meilleur mIoU de validation est conservé ou, lorsque la validation est trop petite pour choisir (quelques polygones ; le journal le dit, avec ses nombres de pixels), ses objets servent aussi à l'entraînement et la moyenne glissante des poids à la fin est conservée. Avec la tête spectrale (SPECTRAL_HEAD), un classificateur par pixel est d'abord ajusté sur tous les pixels étiquetés, et le réseau apprend ce qu'il fait mal. Le fichier de modèle contient les classes (valeurs, noms, couleurs), les bandes, la normalisation (calculée sur les pixels d'entraînement), la taille de tuile, la taille de pixel, une description des données et les métriques de validation.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="116"/>
        <source>advanced; on: a small per-pixel network over the band values (fitted first on every labelled pixel, as a random forest is) whose votes are added to the decoder&apos;s at full resolution; the decoder then learns what the spectrum alone gets wrong. It helps where a class is mostly its spectrum (a few polygons over a 10 or 30 m scene) and hurt on a 0.3 m road scene, where shapes matter (docs/training.md). off: the decoder alone, as in the reference. auto (the default): on for pixels of 2 m and coarser, or, where the pixel size in metres is unknown, for labels covering under a quarter of the raster; the log says which. With INITIAL_MODEL the initial model&apos;s design is kept.</source>
        <translation>avancé ; on : un petit réseau par pixel sur les valeurs des bandes (ajusté d'abord sur tous les pixels étiquetés, comme une forêt aléatoire) dont les votes s'ajoutent à ceux du décodeur en pleine résolution ; le décodeur apprend ensuite ce que le spectre seul fait mal. Elle aide là où une classe est surtout son spectre (quelques polygones sur une scène à 10 ou 30 m) et a nui sur une scène de routes à 0,3 m, où les formes comptent (docs/training.md). off : le décodeur seul, comme dans la référence. auto (par défaut) : activée pour des pixels de 2 m et plus ou, si la taille des pixels en mètres est inconnue, pour des étiquettes couvrant moins d'un quart du raster ; le journal dit ce qui s'applique. Avec INITIAL_MODEL, la conception du modèle initial est conservée.</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="472"/>
        <source>Validation ({pixels} pixels) chose to keep {percent} % of the decoder&apos;s output beside the spectral head (mIoU {miou}; {whole} with all of it).</source>
        <translation>La validation ({pixels} pixels) a choisi de garder {percent} % de la sortie du décodeur à côté de la tête spectrale (mIoU {miou} ; {whole} avec toute sa sortie).</translation>
    </message>
    <message>
        <location filename="../remotenet_plugin/algorithms/train_algorithm.py" line="472"/>
        <source>{percent} % of the decoder&apos;s output is kept beside the spectral head: with labels too few for validation to choose, the decoder learns the training polygons by their surroundings and would overrule the spectrum elsewhere.</source>
        <translation>{percent} % de la sortie du décodeur sont gardés à côté de la tête spectrale : avec trop peu d’étiquettes pour que la validation choisisse, le décodeur apprend les polygones d’entraînement par leur voisinage et contredirait ailleurs le spectre.</translation>
    </message>
</context>
</TS>
