package fr.rentree.siecle.service;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The import's rules that a district may want to change ({@code rentree.siecle.*}).
 *
 * @param maxFileSize            the largest XML accepted, unpacked (a 2,000-pupil lycée exports about 5 MB; a large
 *                               collège's ElevesAvecAdresses 10 to 20 MB), and the largest file received by an upload
 *                               (a zip is smaller than what it holds: nothing larger could be read)
 * @param maxFiles               the most files one import takes (the four exports, Nomenclature and a spare)
 * @param maxUploadSize          the most bytes the files of one upload take together, as received
 * @param guardianLevels         the NIVEAU_RESPONSABILITE values that get a parent account (1 = legal guardian)
 * @param guardianOldLegalValues the RESP_LEGAL values of the pre-2018 format that get one (1 and 2 = legal)
 * @param guardiansWithoutLevel  whether a link carrying neither field gets one
 * @param teacherFunctions       the STS-web FONCTION codes of the teacher profile; every other one is staff
 * @param massPreDeletionPercent an import that would send more than this share (in %) of a profile's active imported
 *                               accounts to pré-suppression needs an express confirmation, for every profile alike
 *                               (pupils, parents, teachers, staff): a file of another school or of last year...
 * @param massPreDeletionMinimum ...and at least this many of them: a school of five parents losing three is not one
 */
@ConfigurationProperties("rentree.siecle")
public record SiecleSettings(@DefaultValue("100MB") DataSize maxFileSize,
                             @DefaultValue("6") int maxFiles,
                             @DefaultValue("200MB") DataSize maxUploadSize,
                             @DefaultValue("1") Set<Integer> guardianLevels,
                             @DefaultValue({"1", "2"}) Set<Integer> guardianOldLegalValues,
                             @DefaultValue("false") boolean guardiansWithoutLevel,
                             @DefaultValue("ENS") Set<String> teacherFunctions,
                             @DefaultValue("20") int massPreDeletionPercent,
                             @DefaultValue("3") int massPreDeletionMinimum) {
}
