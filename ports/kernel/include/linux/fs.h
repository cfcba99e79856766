/* SPDX-License-Identifier: MIT */
/*
 * fs.h - daxcheck's shim for the parts of <linux/fs.h>, <linux/pseudo_fs.h>
 * and <linux/mount.h> that kernel/resource.c names for its iomem pseudo
 * filesystem: never mounted here (the initcall never runs), so iomem_inode
 * stays NULL and every function below fails or does nothing.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/errno.h>

struct address_space;
struct super_block;
struct module;

struct inode {
	struct address_space *i_mapping;
	dev_t i_rdev;
};

struct file {
	struct inode *f_inode;
};

struct fs_context;

struct file_system_type {
	const char *name;
	struct module *owner;
	int (*init_fs_context)(struct fs_context *fc);
	void (*kill_sb)(struct super_block *sb);
};

struct vfsmount {
	struct super_block *mnt_sb;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline void kill_anon_super(struct super_block *sb)
{
	(void)sb;
}

static inline int simple_pin_fs(struct file_system_type *type, struct vfsmount **mount,
				int *count)
{
	(void)type; (void)mount; (void)count;
	return -ENODEV;
}

static inline void simple_release_fs(struct vfsmount **mount, int *count)
{
	(void)mount; (void)count;
}

static inline struct inode *alloc_anon_inode(struct super_block *sb)
{
	(void)sb;
	return ERR_PTR(-ENOMEM);
}

static inline void *init_pseudo(struct fs_context *fc, unsigned long magic)
{
	(void)fc; (void)magic;
	return NULL;
}

static inline void unmap_mapping_range(struct address_space *mapping, long long start,
				       long long len, int even_cows)
{
	(void)mapping; (void)start; (void)len; (void)even_cows;
}

#endif /* _LINUX_FS_H */
