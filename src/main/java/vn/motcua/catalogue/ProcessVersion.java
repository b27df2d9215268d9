package vn.motcua.catalogue;

import java.time.Instant;

/**
 * One deployed version of a process of the catalogue.
 *
 * @param definitionId     the engine's process definition id
 * @param processKey       the process id, shared by all its versions
 * @param version          1, 2, 3... in deployment order
 * @param deployedAt       when it was deployed
 * @param runningInstances how many process instances (dossiers) run on it now
 * @param latest           whether new dossiers start on it
 */
public record ProcessVersion(String definitionId, String processKey, int version, Instant deployedAt,
                             long runningInstances, boolean latest) { }
