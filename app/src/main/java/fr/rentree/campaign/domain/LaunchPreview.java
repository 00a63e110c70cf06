package fr.rentree.campaign.domain;

/**
 * What launching a district campaign would do, for district staff to confirm.
 *
 * @param schools   the schools chosen
 * @param adopted   those of them with an open campaign this school year: followed, not given a second one
 * @param directors the enabled directors of the schools, told of the campaign
 */
public record LaunchPreview(int schools, int adopted, int directors) {

    /** The school campaigns the launch starts. */
    public int started() {
        return schools - adopted;
    }
}
