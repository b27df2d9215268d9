package vn.motcua.catalogue.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.catalogue.Procedure;
import vn.motcua.forms.FormSchema;

/**
 * A folder that passed the linter, ready to deploy as one engine deployment.
 *
 * @param folder      the folder name, which names the deployment ({@code motcua:<folder>})
 * @param procedure   the procedure its descriptor describes; null for the shared folder
 * @param resources   deployment resource name ({@code <folder>/<file>}) → content: BPMN, DMN, then forms
 * @param forms       its forms by id
 * @param processKeys the ids of the processes its BPMN files define
 */
public record FolderContent(String folder, Procedure procedure, Map<String, byte[]> resources,
                            Map<String, FormSchema> forms, List<String> processKeys) {
    public FolderContent {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
        processKeys = List.copyOf(processKeys);
    }
}
