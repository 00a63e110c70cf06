package fr.rentree.directory.domain;

/** Where a parent's sheet goes when the sheets are sorted by class. */
public enum ParentPlacement {
    /** One sheet naming all the children, in the class of the youngest: each family gets one. */
    WITH_YOUNGEST_CHILD,
    /** The same sheet in the class of each child, for parents who may meet any of the teachers. */
    IN_EACH_CHILD_CLASS
}
