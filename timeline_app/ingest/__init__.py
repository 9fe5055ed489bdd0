"""Writing stores: the reviewable source file and the review texts in, a built or imported store out. No Qt."""
