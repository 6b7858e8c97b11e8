import baseConfig from '../../../eslint.angular.mjs';

export default [...baseConfig];
