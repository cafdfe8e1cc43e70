export const id = 143;
export const ids = [143];
export const modules = {

/***/ 3143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6970);
/* harmony import */ var _core_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6228);
/* harmony import */ var _core_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7719);
/* harmony import */ var _core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9442);




const command = {
    spec: {
        name: 'recipe',
        summary: 'Resolve a recipe: the components, versions, values, constraints and deployment order for a GPU cluster.',
        usage: 'aicr recipe [--service S] [--accelerator A] [--intent I] [--os O] [--platform P] [--nodes N] [--criteria F | --snapshot F] [--data DIR] [--format yaml|json|table] [--output F]',
        flags: [
            ..._criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_FLAGS */ .i,
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'output format', default: 'yaml' },
            { name: 'output', aliases: ['-o'], type: 'string', value: '<file|cm://ns/name|->', description: 'where to write the recipe (default: stdout)' },
        ],
        examples: [
            'aicr recipe --service eks --accelerator h100 --intent training --os ubuntu',
            'aicr recipe --criteria criteria.yaml --format json -o recipe.json',
            'aicr recipe --snapshot snapshot.yaml --intent training',
        ],
    },
    async run({ flags }, context) {
        const format = (0,_core_format_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOutputFormat */ .uH)(String(flags.format));
        const output = typeof flags.output === 'string' && flags.output !== '' ? (0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLocation */ .zS)(flags.output, '--output') : undefined;
        const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
        const outcome = await (0,_core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveRecipe */ .pS)((0,_criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .recipeRequestFromFlags */ .P)(flags), { stdin: context.stdin, env: context.env, ...kubeconfig });
        for (const notice of outcome.notices)
            context.logger.info(notice);
        const text = (0,_core_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDocument */ .Tq)(outcome.recipe, format);
        if (output && output.kind !== 'stdio') {
            await (0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .writeLocation */ .rW)(output, text, { input: '--output', format, kind: 'RecipeResult', ...kubeconfig });
            context.logger.info(`recipe written to ${output.text} (${outcome.recipe.componentRefs.length} components, overlays: ${outcome.recipe.metadata.appliedOverlays?.join(', ')})`);
        }
        else {
            await (0,_core_io_js__WEBPACK_IMPORTED_MODULE_2__/* .writeLocation */ .rW)({ kind: 'stdio', text: '-' }, text, { stdout: context.stdout });
        }
        return 0;
    },
};


/***/ })

};
